package org.fitsflow.processors.stacking;

import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * Resamples planes onto the reference frame's grid: output pixel (x, y) takes the source interpolated at the
 * transformed position. Pixels whose interpolation window leaves the source become NaN, so that the combine
 * leaves them out instead of averaging in a black border. The planes of one frame share their positions and
 * interpolation weights, which are computed once per pixel for all of them.
 */
public final class Resampler {

    private Resampler() {
    }

    public static float[] resample(float[] source, int width, int height, RigidTransform referenceToSource,
                                   Interpolation interpolation) {
        float[][] out = {new float[source.length]};
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> resampleRows(new float[][] {source},
                width, height, referenceToSource, interpolation, y, 1, out, y * width)));
        return out[0];
    }

    /**
     * Resamples rows [y0, y0 + rows) of every plane into {@code out[c]} from index {@code outOffset} on.
     */
    public static void resampleRows(float[][] sources, int width, int height, RigidTransform referenceToSource,
                                    Interpolation interpolation, int y0, int rows, float[][] out, int outOffset) {
        if (interpolation == Interpolation.BICUBIC) {
            bicubicRows(sources, width, height, referenceToSource, y0, rows, out, outOffset);
        } else {
            bilinearRows(sources, width, height, referenceToSource, y0, rows, out, outOffset);
        }
    }

    private static void bicubicRows(float[][] sources, int width, int height, RigidTransform referenceToSource,
                                    int y0, int rows, float[][] out, int outOffset) {
        double c = Math.cos(referenceToSource.angle());
        double s = Math.sin(referenceToSource.angle());
        int planes = sources.length;
        for (int y = y0; y < y0 + rows; y++) {
            double sx = -s * y + referenceToSource.tx();
            double sy = c * y + referenceToSource.ty();
            int o = outOffset + (y - y0) * width;
            for (int x = 0; x < width; x++, o++) {
                double px = c * x + sx;
                double py = s * x + sy;
                if (!(px >= 1 && py >= 1 && px < width - 2 && py < height - 2)) {
                    setNaN(out, o, planes);
                    continue;
                }
                int xi = (int) px;
                int yi = (int) py;
                // Keys' cubic convolution weights (a = -0.5) for the taps at -1, 0, 1, 2 around the fractions u
                // and v, the polynomials of the kernel's two pieces at t + 1, t, 1 - t and 2 - t; in locals, not
                // arrays, so that they stay in registers for all the planes.
                float u = (float) (px - xi);
                float u2 = u * u;
                float u3 = u2 * u;
                float wx0 = -0.5f * u3 + u2 - 0.5f * u;
                float wx1 = 1.5f * u3 - 2.5f * u2 + 1f;
                float wx2 = -1.5f * u3 + 2f * u2 + 0.5f * u;
                float wx3 = 0.5f * u3 - 0.5f * u2;
                float v = (float) (py - yi);
                float v2 = v * v;
                float v3 = v2 * v;
                float wy0 = -0.5f * v3 + v2 - 0.5f * v;
                float wy1 = 1.5f * v3 - 2.5f * v2 + 1f;
                float wy2 = -1.5f * v3 + 2f * v2 + 0.5f * v;
                float wy3 = 0.5f * v3 - 0.5f * v2;
                int r0 = (yi - 1) * width + xi - 1;
                int r1 = r0 + width;
                int r2 = r1 + width;
                int r3 = r2 + width;
                for (int p = 0; p < planes; p++) {
                    float[] src = sources[p];
                    float line0 = wx0 * src[r0] + wx1 * src[r0 + 1] + wx2 * src[r0 + 2] + wx3 * src[r0 + 3];
                    float line1 = wx0 * src[r1] + wx1 * src[r1 + 1] + wx2 * src[r1 + 2] + wx3 * src[r1 + 3];
                    float line2 = wx0 * src[r2] + wx1 * src[r2 + 1] + wx2 * src[r2 + 2] + wx3 * src[r2 + 3];
                    float line3 = wx0 * src[r3] + wx1 * src[r3 + 1] + wx2 * src[r3 + 2] + wx3 * src[r3 + 3];
                    out[p][o] = unitRange(wy0 * line0 + wy1 * line1 + wy2 * line2 + wy3 * line3);
                }
            }
        }
    }

    private static void bilinearRows(float[][] sources, int width, int height, RigidTransform referenceToSource,
                                     int y0, int rows, float[][] out, int outOffset) {
        double c = Math.cos(referenceToSource.angle());
        double s = Math.sin(referenceToSource.angle());
        int planes = sources.length;
        for (int y = y0; y < y0 + rows; y++) {
            double sx = -s * y + referenceToSource.tx();
            double sy = c * y + referenceToSource.ty();
            int o = outOffset + (y - y0) * width;
            for (int x = 0; x < width; x++, o++) {
                double px = c * x + sx;
                double py = s * x + sy;
                if (!(px >= 0 && py >= 0 && px <= width - 1 && py <= height - 1)) {
                    setNaN(out, o, planes);
                    continue;
                }
                int x0 = Math.min((int) px, width - 2);
                int y0i = Math.min((int) py, height - 2);
                double fx = px - x0;
                double fy = py - y0i;
                int i = y0i * width + x0;
                for (int p = 0; p < planes; p++) {
                    float[] src = sources[p];
                    double top = src[i] * (1 - fx) + src[i + 1] * fx;
                    double bottom = src[i + width] * (1 - fx) + src[i + width + 1] * fx;
                    out[p][o] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
    }

    private static void setNaN(float[][] out, int o, int planes) {
        for (int p = 0; p < planes; p++) {
            out[p][o] = Float.NaN;
        }
    }

    /**
     * The cubic overshoots beside sharp stars; the image model is [0, 1]. Comparisons rather than
     * Math.min/max, which also order zeros by sign: -0 becomes +0 here too, and NaN stays NaN.
     */
    private static float unitRange(float v) {
        return v > 0f ? (v < 1f ? v : 1f) : (v == v ? 0f : v);
    }
}
