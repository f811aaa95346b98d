package org.fitsflow.processors.backend;

import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * The CPU separable convolution: rows, then columns, edge pixels repeated, each output summed in float
 * from the first weight to the last (the order the GPU kernel uses, so that results agree closely).
 */
public final class SeparableConvolution {
    private SeparableConvolution() {
    }

    /** Fewer rows than this per core are not worth a fork. */
    private static final int MIN_ROWS_PER_CORE = 16;

    /*
     * Inside the plane the taps are the outer loop and the pixels of a row the inner one, so that the JIT
     * vectorises across pixels; each output still gets 0 + w0 p0 + w1 p1 + ... in that order, so the sums are
     * the same floats as tap by tap per pixel. The JIT (Java 17) vectorises a loop only where every array is
     * read and written at the same index, so each tap's pixels are first copied into a row of their own
     * ({@link Rows#tap}) and summed into another ({@link Rows#sum}), which is then copied out.
     */
    public static float[] apply(float[] plane, int width, int height, float[] weights) {
        if (weights.length % 2 == 0) {
            throw new IllegalArgumentException("a separable kernel needs an odd number of weights, got " + weights.length);
        }
        if (plane.length != (long) width * height) {
            throw new IllegalArgumentException("plane length " + plane.length + " does not match " + width + " x " + height);
        }
        int radius = weights.length / 2;
        float[] rows = new float[plane.length];
        ParallelRanges.forEach(height, MIN_ROWS_PER_CORE, (fromRow, toRow) -> {
            Rows scratch = new Rows(width);
            for (int y = fromRow; y < toRow; y++) {
                convolveRow(plane, rows, y * width, width, weights, scratch);
            }
        });
        float[] out = new float[plane.length];
        ParallelRanges.forEach(height, MIN_ROWS_PER_CORE, (fromRow, toRow) -> {
            Rows scratch = new Rows(width);
            for (int y = fromRow; y < toRow; y++) {
                if (y >= radius && y < height - radius) {
                    convolveInsideColumns(rows, out, y, width, weights, scratch);
                } else {
                    convolveEdgeRow(rows, out, y, width, height, weights);
                }
            }
        });
        return out;
    }

    /** One core's two rows: the pixels one tap reads, and the sums so far. */
    private static final class Rows {
        final float[] tap;
        final float[] sum;

        Rows(int width) {
            tap = new float[width];
            sum = new float[width];
        }
    }

    private static void convolveRow(float[] plane, float[] rows, int row, int width, float[] weights, Rows scratch) {
        int radius = weights.length / 2;
        int from = Math.min(radius, width);
        int to = Math.max(from, width - radius);
        float[] tap = scratch.tap;
        float[] sum = scratch.sum;
        int n = to - from;
        if (n > 0) {
            System.arraycopy(plane, row + from - radius, tap, from, n);
            float w0 = weights[0];
            for (int x = from; x < to; x++) {
                sum[x] = 0.0f + w0 * tap[x];
            }
            for (int k = 1; k < weights.length; k++) {
                float w = weights[k];
                System.arraycopy(plane, row + from + k - radius, tap, from, n);
                for (int x = from; x < to; x++) {
                    sum[x] += w * tap[x];
                }
            }
            System.arraycopy(sum, from, rows, row + from, n);
        }
        for (int x = 0; x < width; x++) {
            if (x < from || x >= to) {
                float edge = 0.0f;
                for (int k = 0; k < weights.length; k++) {
                    int xx = Math.min(Math.max(x + k - radius, 0), width - 1);
                    edge += weights[k] * plane[row + xx];
                }
                rows[row + x] = edge;
            }
        }
    }

    private static void convolveInsideColumns(float[] rows, float[] out, int y, int width, float[] weights,
                                              Rows scratch) {
        int radius = weights.length / 2;
        int first = (y - radius) * width;
        float[] tap = scratch.tap;
        float[] sum = scratch.sum;
        System.arraycopy(rows, first, tap, 0, width);
        float w0 = weights[0];
        for (int x = 0; x < width; x++) {
            sum[x] = 0.0f + w0 * tap[x];
        }
        for (int k = 1; k < weights.length; k++) {
            float w = weights[k];
            System.arraycopy(rows, first + k * width, tap, 0, width);
            for (int x = 0; x < width; x++) {
                sum[x] += w * tap[x];
            }
        }
        System.arraycopy(sum, 0, out, y * width, width);
    }

    private static void convolveEdgeRow(float[] rows, float[] out, int y, int width, int height, float[] weights) {
        int radius = weights.length / 2;
        for (int x = 0; x < width; x++) {
            float sum = 0.0f;
            for (int k = 0; k < weights.length; k++) {
                int yy = Math.min(Math.max(y + k - radius, 0), height - 1);
                sum += weights[k] * rows[yy * width + x];
            }
            out[y * width + x] = sum;
        }
    }
}
