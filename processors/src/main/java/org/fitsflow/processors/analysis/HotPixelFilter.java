package org.fitsflow.processors.analysis;

import java.util.ArrayList;
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
        float[] excess = SameColourRing.excess(mosaic, width, height);
        double sigma = SameColourRing.noise(excess);
        if (!(sigma > 0)) {
            return PhotositeCorrections.NONE;
        }
        double threshold = DETECTION_SIGMA * sigma;
        List<double[]> corrections = ComputePool.get(() -> IntStream.range(0, height).parallel().boxed().flatMap(y -> {
            float[] ring = new float[8];
            List<double[]> row = new ArrayList<>();
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float e = excess[i];
                if (e > threshold && isolated(excess, width, height, x, y, e, sigma)) {
                    row.add(new double[] {i, SameColourRing.median(mosaic, width, height, x, y, ring)});
                }
            }
            return row.stream();
        }).toList());
        int[] indices = new int[corrections.size()];
        float[] values = new float[corrections.size()];
        for (int k = 0; k < indices.length; k++) {
            indices[k] = (int) corrections.get(k)[0];
            values[k] = (float) corrections.get(k)[1];
        }
        PhotositeCorrections found = new PhotositeCorrections(indices, values);
        found.applyTo(mosaic);
        return found;
    }

    /**
     * Whether the eight photosites around (x, y) show nothing of the excess there: their mean excess over their
     * own same-colour rings stays below both a small fraction of it and three standard errors of the noise.
     */
    private static boolean isolated(float[] excess, int width, int height, int x, int y, double e, double sigma) {
        double sum = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < width && yy < height) {
                    sum += excess[yy * width + xx];
                    n++;
                }
            }
        }
        double mean = sum / n;
        return mean < NEIGHBOUR_FRACTION * e && mean < NEIGHBOUR_SIGMA * sigma / Math.sqrt(n);
    }
}
