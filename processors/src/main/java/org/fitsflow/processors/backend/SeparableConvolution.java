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

    public static float[] apply(float[] plane, int width, int height, float[] weights) {
        if (weights.length % 2 == 0) {
            throw new IllegalArgumentException("a separable kernel needs an odd number of weights, got " + weights.length);
        }
        if (plane.length != (long) width * height) {
            throw new IllegalArgumentException("plane length " + plane.length + " does not match " + width + " x " + height);
        }
        int radius = weights.length / 2;
        float[] rows = new float[plane.length];
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float sum = 0.0f;
                if (x >= radius && x < width - radius) {
                    // Inside the row no tap is clamped: the same sums, in the same order, without the clamping.
                    int first = row + x - radius;
                    for (int k = 0; k < weights.length; k++) {
                        sum += weights[k] * plane[first + k];
                    }
                } else {
                    for (int k = 0; k < weights.length; k++) {
                        int xx = Math.min(Math.max(x + k - radius, 0), width - 1);
                        sum += weights[k] * plane[row + xx];
                    }
                }
                rows[row + x] = sum;
            }
        }));
        float[] out = new float[plane.length];
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            boolean inside = y >= radius && y < height - radius;
            for (int x = 0; x < width; x++) {
                float sum = 0.0f;
                if (inside) {
                    int first = (y - radius) * width + x;
                    for (int k = 0; k < weights.length; k++) {
                        sum += weights[k] * rows[first + k * width];
                    }
                } else {
                    for (int k = 0; k < weights.length; k++) {
                        int yy = Math.min(Math.max(y + k - radius, 0), height - 1);
                        sum += weights[k] * rows[yy * width + x];
                    }
                }
                out[y * width + x] = sum;
            }
        }));
        return out;
    }
}
