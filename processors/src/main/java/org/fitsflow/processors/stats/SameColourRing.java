package org.fitsflow.processors.stats;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * The eight photosites two pixels away from a photosite of a Bayer mosaic, which share its colour in every
 * pattern: their median is the local level a single defective photosite is judged against, unmoved by the
 * defect itself or by one more defect in the ring.
 */
public final class SameColourRing {
    private static final int NOISE_SAMPLE_STRIDE = 7;
    /** Sampled photosites per task: a few thousand medians, worth a fork. */
    private static final int SAMPLES_PER_TASK = 4096;

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

    /** One photosite's value of {@link #excess}. */
    public static float excessAt(float[] mosaic, int width, int height, int x, int y, float[] scratch) {
        return (float) (mosaic[y * width + x] - median(mosaic, width, height, x, y, scratch));
    }

    /**
     * Median of the finite photosites of the ring around (x, y) inside the frame; the photosite's own value when
     * there are none. {@code scratch} holds at least 8 values.
     */
    public static double median(float[] mosaic, int width, int height, int x, int y, float[] scratch) {
        if (x >= 2 && y >= 2 && x < width - 2 && y < height - 2) {
            int i = y * width + x;
            int up = i - 2 * width;
            int down = i + 2 * width;
            double inside = medianOfEight(mosaic[up - 2], mosaic[up], mosaic[up + 2], mosaic[i - 2], mosaic[i + 2],
                    mosaic[down - 2], mosaic[down], mosaic[down + 2]);
            if (!Double.isNaN(inside)) {
                return inside;
            }
        }
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

    /**
     * The median of eight finite values by the 19 compare-exchanges of an optimal sorting network: no branches, no
     * array, several times faster than sorting, and run for nearly every photosite. NaN when a value is not finite,
     * for the caller to take the general path.
     */
    private static double medianOfEight(float a0, float a1, float a2, float a3, float a4, float a5, float a6, float a7) {
        if (!Float.isFinite(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7)) {
            return Double.NaN;
        }
        float t;
        t = Math.min(a0, a2); a2 = Math.max(a0, a2); a0 = t;
        t = Math.min(a1, a3); a3 = Math.max(a1, a3); a1 = t;
        t = Math.min(a4, a6); a6 = Math.max(a4, a6); a4 = t;
        t = Math.min(a5, a7); a7 = Math.max(a5, a7); a5 = t;
        t = Math.min(a0, a4); a4 = Math.max(a0, a4); a0 = t;
        t = Math.min(a1, a5); a5 = Math.max(a1, a5); a1 = t;
        t = Math.min(a2, a6); a6 = Math.max(a2, a6); a2 = t;
        t = Math.min(a3, a7); a7 = Math.max(a3, a7); a3 = t;
        t = Math.min(a0, a1); a1 = Math.max(a0, a1); a0 = t;
        t = Math.min(a2, a3); a3 = Math.max(a2, a3); a2 = t;
        t = Math.min(a4, a5); a5 = Math.max(a4, a5); a4 = t;
        t = Math.min(a6, a7); a7 = Math.max(a6, a7); a6 = t;
        t = Math.min(a2, a4); a4 = Math.max(a2, a4); a2 = t;
        t = Math.min(a3, a5); a5 = Math.max(a3, a5); a3 = t;
        t = Math.min(a1, a4); a4 = Math.max(a1, a4); a1 = t;
        t = Math.min(a3, a6); a6 = Math.max(a3, a6); a3 = t;
        t = Math.min(a3, a4); a4 = Math.max(a3, a4); a3 = t;
        // the sorted order's fourth and fifth; the last layer's other exchanges (1, 2) and (5, 6) do not move them
        return 0.5 * (a3 + a4);
    }

    /** Robust standard deviation (1.4826 MAD) of an excess plane, over a regular subsample; NaN when none is finite. */
    public static double noise(float[] excess) {
        float[] sample = new float[excess.length / NOISE_SAMPLE_STRIDE + 1];
        int n = 0;
        for (int i = 0; i < excess.length; i += NOISE_SAMPLE_STRIDE) {
            sample[n++] = excess[i];
        }
        return robustDeviation(sample, n);
    }

    /**
     * {@link #noise} of the mosaic's {@link #excess}, with the ring's median taken at the sampled photosites alone:
     * the same value for a seventh of the work.
     */
    public static double noise(float[] mosaic, int width, int height) {
        float[] sample = new float[(mosaic.length + NOISE_SAMPLE_STRIDE - 1) / NOISE_SAMPLE_STRIDE];
        ParallelRanges.forEach(sample.length, SAMPLES_PER_TASK, (from, to) -> {
            float[] ring = new float[8];
            // the column and row stepped along, not divided out of the index for each sample
            int x = from * NOISE_SAMPLE_STRIDE % width;
            int y = from * NOISE_SAMPLE_STRIDE / width;
            for (int k = from; k < to; k++) {
                sample[k] = excessAt(mosaic, width, height, x, y, ring);
                x += NOISE_SAMPLE_STRIDE;
                while (x >= width) {
                    x -= width;
                    y++;
                }
            }
        });
        return robustDeviation(sample, sample.length);
    }

    /** 1.4826 MAD of the finite values among the first {@code count} of {@code sample}. */
    private static double robustDeviation(float[] sample, int count) {
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (Float.isFinite(sample[k])) {
                sample[n++] = sample[k];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        // ranks by selection, not by sorting: the same order statistics at a fraction of the time
        double median = FloatRankSelection.valueOfRank(sample, n, n / 2);
        float[] deviations = new float[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = (float) Math.abs(sample[i] - median);
        }
        return 1.4826 * FloatRankSelection.valueOfRank(deviations, n, n / 2);
    }
}
