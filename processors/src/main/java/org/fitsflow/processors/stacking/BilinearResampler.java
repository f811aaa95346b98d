package org.fitsflow.processors.stacking;

import java.util.stream.IntStream;

/**
 * Resamples a plane onto the reference frame's grid: output pixel (x, y) takes the bilinear interpolation of
 * the source at the transformed position. Pixels that fall outside the source become NaN, so that the combine
 * leaves them out instead of averaging in a black border.
 */
public final class BilinearResampler {
    private BilinearResampler() {
    }

    public static float[] resample(float[] source, int width, int height, RigidTransform referenceToSource) {
        float[] out = new float[source.length];
        double c = Math.cos(referenceToSource.angle());
        double s = Math.sin(referenceToSource.angle());
        IntStream.range(0, height).parallel().forEach(y -> {
            double sx = -s * y + referenceToSource.tx();
            double sy = c * y + referenceToSource.ty();
            for (int x = 0; x < width; x++) {
                double px = c * x + sx;
                double py = s * x + sy;
                out[y * width + x] = sample(source, width, height, px, py);
            }
        });
        return out;
    }

    private static float sample(float[] source, int width, int height, double x, double y) {
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
}
