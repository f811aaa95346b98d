package org.fitsflow.processors.stacking;

import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * Resamples a plane onto the reference frame's grid: output pixel (x, y) takes the source interpolated at the
 * transformed position. Pixels whose interpolation window leaves the source become NaN, so that the combine
 * leaves them out instead of averaging in a black border.
 */
public final class Resampler {
    private static final double KEYS_A = -0.5;

    private Resampler() {
    }

    public static float[] resample(float[] source, int width, int height, RigidTransform referenceToSource,
                                   Interpolation interpolation) {
        float[] out = new float[source.length];
        double c = Math.cos(referenceToSource.angle());
        double s = Math.sin(referenceToSource.angle());
        boolean bicubic = interpolation == Interpolation.BICUBIC;
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            double sx = -s * y + referenceToSource.tx();
            double sy = c * y + referenceToSource.ty();
            double[] wx = new double[4];
            double[] wy = new double[4];
            for (int x = 0; x < width; x++) {
                double px = c * x + sx;
                double py = s * x + sy;
                out[y * width + x] = bicubic ? bicubic(source, width, height, px, py, wx, wy)
                        : bilinear(source, width, height, px, py);
            }
        }));
        return out;
    }

    private static float bilinear(float[] source, int width, int height, double x, double y) {
        if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) {
            return Float.NaN;
        }
        int x0 = Math.min((int) x, width - 2);
        int y0 = Math.min((int) y, height - 2);
        double fx = x - x0;
        double fy = y - y0;
        int i = y0 * width + x0;
        double top = source[i] * (1 - fx) + source[i + 1] * fx;
        double bottom = source[i + width] * (1 - fx) + source[i + width + 1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static float bicubic(float[] source, int width, int height, double x, double y, double[] wx, double[] wy) {
        if (!(x >= 1 && y >= 1 && x < width - 2 && y < height - 2)) {
            return Float.NaN;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        keysWeights(x - x0, wx);
        keysWeights(y - y0, wy);
        double sum = 0;
        for (int j = 0; j < 4; j++) {
            int row = (y0 - 1 + j) * width + x0 - 1;
            double line = 0;
            for (int i = 0; i < 4; i++) {
                line += wx[i] * source[row + i];
            }
            sum += wy[j] * line;
        }
        // The cubic overshoots beside sharp stars; the image model is [0, 1].
        return (float) Math.max(0, Math.min(1, sum));
    }

    /** Keys' cubic convolution weights for the taps at -1, 0, 1, 2 around a fraction t in [0, 1). */
    private static void keysWeights(double t, double[] w) {
        w[0] = kernel(t + 1);
        w[1] = kernel(t);
        w[2] = kernel(1 - t);
        w[3] = kernel(2 - t);
    }

    private static double kernel(double d) {
        double a = Math.abs(d);
        if (a <= 1) {
            return ((KEYS_A + 2) * a - (KEYS_A + 3)) * a * a + 1;
        }
        if (a < 2) {
            return ((KEYS_A * a - 5 * KEYS_A) * a + 8 * KEYS_A) * a - 4 * KEYS_A;
        }
        return 0;
    }
}
