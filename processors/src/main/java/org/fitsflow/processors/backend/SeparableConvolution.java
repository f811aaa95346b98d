package org.fitsflow.processors.backend;

import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * The CPU separable convolution: rows, then columns, edge pixels repeated, each output summed in float
 * from the first weight to the last (the order the GPU kernel uses, so that results agree closely).
 */
public final class SeparableConvolution {
    private SeparableConvolution() {
    }

    /*
     * Inside the plane the taps are the outer loop and the pixels of a row the inner one, so that the JIT
     * vectorises across pixels; each output still gets 0 + w0 p0 + w1 p1 + ... in that order, so the sums are
     * the same floats as tap by tap per pixel.
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
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> convolveRow(plane, rows, y * width, width, weights)));
        float[] out = new float[plane.length];
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            if (y >= radius && y < height - radius) {
                convolveInsideColumns(rows, out, y, width, weights);
            } else {
                convolveEdgeRow(rows, out, y, width, height, weights);
            }
        }));
        return out;
    }

    private static void convolveRow(float[] plane, float[] rows, int row, int width, float[] weights) {
        int radius = weights.length / 2;
        int from = Math.min(radius, width);
        int to = Math.max(from, width - radius);
        for (int x = from; x < to; x++) {
            rows[row + x] = 0.0f + weights[0] * plane[row + x - radius];
        }
        for (int k = 1; k < weights.length; k++) {
            float w = weights[k];
            int shift = k - radius;
            for (int x = from; x < to; x++) {
                rows[row + x] += w * plane[row + x + shift];
            }
        }
        for (int x = 0; x < width; x++) {
            if (x < from || x >= to) {
                float sum = 0.0f;
                for (int k = 0; k < weights.length; k++) {
                    int xx = Math.min(Math.max(x + k - radius, 0), width - 1);
                    sum += weights[k] * plane[row + xx];
                }
                rows[row + x] = sum;
            }
        }
    }

    private static void convolveInsideColumns(float[] rows, float[] out, int y, int width, float[] weights) {
        int radius = weights.length / 2;
        int target = y * width;
        int first = (y - radius) * width;
        for (int x = 0; x < width; x++) {
            out[target + x] = 0.0f + weights[0] * rows[first + x];
        }
        for (int k = 1; k < weights.length; k++) {
            float w = weights[k];
            int source = first + k * width;
            for (int x = 0; x < width; x++) {
                out[target + x] += w * rows[source + x];
            }
        }
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
