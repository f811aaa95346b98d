package org.fitsflow.processors.stats;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * The eight photosites two pixels away from a photosite of a Bayer mosaic, which share its colour in every
 * pattern: their median is the local level a single defective photosite is judged against, unmoved by the
 * defect itself or by one more defect in the ring.
 */
public final class SameColourRing {
    private static final int NOISE_SAMPLE_STRIDE = 7;

    private SameColourRing() {
    }

    /** Each photosite minus the median of its ring, on all cores. */
    public static float[] excess(float[] mosaic, int width, int height) {
        float[] excess = new float[mosaic.length];
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            float[] ring = new float[8];
            for (int x = 0; x < width; x++) {
                excess[y * width + x] = (float) (mosaic[y * width + x] - median(mosaic, width, height, x, y, ring));
            }
        }));
        return excess;
    }

    /**
     * Median of the finite photosites of the ring around (x, y) inside the frame; the photosite's own value when
     * there are none. {@code scratch} holds at least 8 values.
     */
    public static double median(float[] mosaic, int width, int height, int x, int y, float[] scratch) {
        int n = 0;
        for (int dy = -2; dy <= 2; dy += 2) {
            for (int dx = -2; dx <= 2; dx += 2) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < width && yy < height
                        && Float.isFinite(mosaic[yy * width + xx])) {
                    scratch[n++] = mosaic[yy * width + xx];
                }
            }
        }
        if (n == 0) {
            return mosaic[y * width + x];
        }
        Arrays.sort(scratch, 0, n);
        return n % 2 == 1 ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
    }

    /** Robust standard deviation (1.4826 MAD) of an excess plane, over a regular subsample; NaN when none is finite. */
    public static double noise(float[] excess) {
        float[] sample = new float[excess.length / NOISE_SAMPLE_STRIDE + 1];
        int n = 0;
        for (int i = 0; i < excess.length; i += NOISE_SAMPLE_STRIDE) {
            if (Float.isFinite(excess[i])) {
                sample[n++] = excess[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        float[] values = Arrays.copyOf(sample, n);
        Arrays.sort(values);
        double median = values[n / 2];
        for (int i = 0; i < n; i++) {
            values[i] = (float) Math.abs(values[i] - median);
        }
        Arrays.sort(values);
        return 1.4826 * values[n / 2];
    }
}
