package org.fitsflow.processors.analysis;

import java.util.Arrays;
import java.util.List;
import org.fitsflow.processors.parallel.ParallelRanges;
import org.fitsflow.processors.stats.RingMinima;
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
        List<Found> parts = ParallelRanges.reduce(mosaic.length, Found::new, (found, from, to) -> {
            float[] ring = new float[8];
            RingMinima minima = new RingMinima(width);
            for (int start = from; start < to; ) {
                int y = start / width;
                int rowEnd = Math.min(to, (y + 1) * width);
                judgeRow(mosaic, width, height, y, start - y * width, rowEnd - y * width, threshold, sigma, ring, minima,
                        found);
                start = rowEnd;
            }
        });
        PhotositeCorrections corrections = Found.joined(parts);
        corrections.applyTo(mosaic);
        return corrections;
    }

    /** Judges the photosites of row {@code y} from column {@code fromX} to before {@code toX}. */
    private static void judgeRow(float[] mosaic, int width, int height, int y, int fromX, int toX, double threshold,
            double sigma, float[] ring, RingMinima minima, Found found) {
        // the largest float not above the threshold: a float is not above one if not above the other
        float floatThreshold = (float) threshold <= threshold ? (float) threshold : Math.nextDown((float) threshold);
        boolean interiorRow = y >= RING && y < height - RING && width > 2 * RING;
        float[] ringMinimum = interiorRow ? minima.ofRow(mosaic, y) : null;
        for (int x = fromX; x < toX; x++) {
            int i = y * width + x;
            float v = mosaic[i];
            if (interiorRow && x >= RING && x < width - RING) {
                // The median is not below the ring's minimum and the rounding of v - m is monotonic, so this
                // bound is not below the excess (float v - min rounds as (float) (v - (double) min) does: a
                // double holds more than twice a float's digits); NaN (in the ring or v) fails the test and goes
                // on. The one exception, a ring all +infinity, bounds the excess by -infinity: the excess is then
                // 0 or NaN, which the positive threshold rejects as well.
                float bound = v - ringMinimum[x];
                if (bound <= floatThreshold) {
                    continue;
                }
            }
            double median = SameColourRing.median(mosaic, width, height, x, y, ring);
            float excess = (float) (v - median);
            if (excess > threshold && isolated(mosaic, width, height, x, y, excess, sigma, ring)) {
                found.add(i, (float) median);
            }
        }
    }

    /** The corrections of one range of photosites, in their order. */
    private static final class Found {
        private int[] indices = new int[16];
        private float[] values = new float[16];
        private int count;

        void add(int index, float value) {
            if (count == indices.length) {
                indices = Arrays.copyOf(indices, 2 * count);
                values = Arrays.copyOf(values, 2 * count);
            }
            indices[count] = index;
            values[count++] = value;
        }

        static PhotositeCorrections joined(List<Found> parts) {
            int total = parts.stream().mapToInt(part -> part.count).sum();
            int[] indices = new int[total];
            float[] values = new float[total];
            int k = 0;
            for (Found part : parts) {
                System.arraycopy(part.indices, 0, indices, k, part.count);
                System.arraycopy(part.values, 0, values, k, part.count);
                k += part.count;
            }
            return new PhotositeCorrections(indices, values);
        }
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
