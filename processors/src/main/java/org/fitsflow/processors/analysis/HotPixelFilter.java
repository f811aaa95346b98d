package org.fitsflow.processors.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.stats.SameColourRing;

/**
 * Cosmetic correction of a raw Bayer mosaic before it is debayered. A photosite is hot when it stands out from
 * the same-colour photosites around it (two pixels away) and its eight neighbours do not rise with it: a
 * defective photosite leaves them at the sky, while any star, however sharp, spills light on them (Siril's
 * auto-detection decides alike, from the same-colour neighbours' level against the sky). The neighbours' rise is
 * compared with both the photosite's excess and their noise, so that neither a bright sharp core nor a faint one
 * is taken for a defect. Hot photosites take the median of their same-colour ring. Uncalibrated subs from a warm
 * sensor have hundreds of them, which would otherwise be counted as sharp stars and leave trails in a stack.
 *
 * <p>The excess over the ring's median is needed everywhere only in principle: the noise is measured on a
 * subsample, and a photosite whose excess over the ring's smallest value stays below the threshold cannot
 * exceed it over the median, so that the median is taken only where the sky noise or a star allows an outlier.
 */
public final class HotPixelFilter {
    private static final double DETECTION_SIGMA = 5.0;
    /**
     * A star of FWHM 1.5 pixels centred on a photosite gives its eight neighbours a quarter of the core's excess
     * on average, one of FWHM 1 pixel (sharper than the seeing and a small refractor's optics allow) still a
     * tenth, less what their colours take away; a defective photosite gives them none.
     */
    private static final double NEIGHBOUR_FRACTION = 0.05;
    /** Neighbours rising above this many standard errors of the noise carry light, whatever the fraction. */
    private static final double NEIGHBOUR_SIGMA = 3.0;
    /** The ring reaches two photosites out. */
    private static final int RING = 2;

    private HotPixelFilter() {
    }

    /** Returns a corrected copy of the mosaic and leaves the input unchanged. */
    public static float[] corrected(float[] mosaic, int width, int height) {
        float[] out = mosaic.clone();
        correct(out, width, height);
        return out;
    }

    /**
     * Corrects the mosaic in place. Every decision and every replacement value is taken on the values as they
     * came: the corrections are collected row by row and written once all rows are judged.
     *
     * @return the photosites corrected and their new values
     */
    public static PhotositeCorrections correct(float[] mosaic, int width, int height) {
        double sigma = SameColourRing.noise(mosaic, width, height);
        if (!(sigma > 0)) {
            return PhotositeCorrections.NONE;
        }
        double threshold = DETECTION_SIGMA * sigma;
        List<PhotositeCorrections> rows = ComputePool.get(() -> IntStream.range(0, height).parallel()
                .mapToObj(y -> hotInRow(mosaic, width, height, y, threshold, sigma)).toList());
        PhotositeCorrections found = joined(rows);
        found.applyTo(mosaic);
        return found;
    }

    private static PhotositeCorrections hotInRow(float[] mosaic, int width, int height, int y, double threshold,
            double sigma) {
        boolean interiorRow = y >= RING && y < height - RING;
        float[] ring = new float[8];
        int[] indices = new int[0];
        float[] values = new float[0];
        int count = 0;
        for (int x = 0; x < width; x++) {
            int i = y * width + x;
            float v = mosaic[i];
            if (interiorRow && x >= RING && x < width - RING) {
                // The median is not below the ring's minimum and the rounding of v - m is monotonic, so this
                // bound is not below the excess; NaN (a NaN in the ring or v) fails the test and goes on.
                // The one exception, a ring all +infinity, bounds the excess by -infinity: the excess is
                // then 0 or NaN, which the positive threshold rejects as well.
                float bound = (float) (v - (double) SameColourRing.ringMinimum(mosaic, width, i));
                if (bound <= threshold) {
                    continue;
                }
            }
            double median = SameColourRing.median(mosaic, width, height, x, y, ring);
            float excess = (float) (v - median);
            if (excess > threshold && isolated(mosaic, width, height, x, y, excess, sigma, ring)) {
                if (count == indices.length) {
                    indices = Arrays.copyOf(indices, 2 * count + 4);
                    values = Arrays.copyOf(values, 2 * count + 4);
                }
                indices[count] = i;
                values[count++] = (float) median;
            }
        }
        return count == 0 ? PhotositeCorrections.NONE
                : new PhotositeCorrections(Arrays.copyOf(indices, count), Arrays.copyOf(values, count));
    }

    private static PhotositeCorrections joined(List<PhotositeCorrections> rows) {
        int count = rows.stream().mapToInt(PhotositeCorrections::count).sum();
        int[] indices = new int[count];
        float[] values = new float[count];
        int k = 0;
        for (PhotositeCorrections row : rows) {
            System.arraycopy(row.indices(), 0, indices, k, row.count());
            System.arraycopy(row.values(), 0, values, k, row.count());
            k += row.count();
        }
        return new PhotositeCorrections(indices, values);
    }

    /**
     * Whether the eight photosites around (x, y) show nothing of the excess there: their mean excess over their
     * own same-colour rings stays below both a small fraction of it and three standard errors of the noise.
     */
    private static boolean isolated(float[] mosaic, int width, int height, int x, int y, double e, double sigma,
            float[] ring) {
        double sum = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < width && yy < height) {
                    sum += SameColourRing.excessAt(mosaic, width, height, xx, yy, ring);
                    n++;
                }
            }
        }
        double mean = sum / n;
        return mean < NEIGHBOUR_FRACTION * e && mean < NEIGHBOUR_SIGMA * sigma / Math.sqrt(n);
    }
}
