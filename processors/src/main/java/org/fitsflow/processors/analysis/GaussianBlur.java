package org.fitsflow.processors.analysis;

import java.util.stream.IntStream;

/** Separable Gaussian smoothing with mirrored edges; detection runs on it so that single noisy pixels do not peak. */
public final class GaussianBlur {
    private GaussianBlur() {
    }

    public static float[] apply(float[] plane, int width, int height, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] kernel = kernel(sigma, radius);
        float[] horizontal = new float[plane.length];
        IntStream.range(0, height).parallel().forEach(y -> {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * plane[row + mirror(x + k, width)];
                }
                horizontal[row + x] = sum;
            }
        });
        float[] out = new float[plane.length];
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * horizontal[mirror(y + k, height) * width + x];
                }
                out[y * width + x] = sum;
            }
        });
        return out;
    }

    private static float[] kernel(double sigma, int radius) {
        float[] kernel = new float[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            double v = Math.exp(-k * k / (2 * sigma * sigma));
            kernel[k + radius] = (float) v;
            total += v;
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) total;
        }
        return kernel;
    }

    private static int mirror(int i, int n) {
        if (i < 0) {
            return Math.min(-i, n - 1);
        }
        return i >= n ? Math.max(2 * n - 2 - i, 0) : i;
    }
}
