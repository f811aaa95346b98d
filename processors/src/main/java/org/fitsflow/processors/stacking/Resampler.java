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
        double c = Math.cos(referenceToSource.angle());
        double s = Math.sin(referenceToSource.angle());
        boolean bicubic = interpolation == Interpolation.BICUBIC;
        float[] wx = new float[4];
        float[] wy = new float[4];
        int planes = sources.length;
        for (int y = y0; y < y0 + rows; y++) {
            double sx = -s * y + referenceToSource.tx();
            double sy = c * y + referenceToSource.ty();
            int o = outOffset + (y - y0) * width;
            for (int x = 0; x < width; x++, o++) {
                double px = c * x + sx;
                double py = s * x + sy;
                if (bicubic) {
                    if (!(px >= 1 && py >= 1 && px < width - 2 && py < height - 2)) {
                        setNaN(out, o, planes);
                        continue;
                    }
                    int x0 = (int) px;
                    int y0i = (int) py;
                    keysWeights((float) (px - x0), wx);
                    keysWeights((float) (py - y0i), wy);
                    int base = (y0i - 1) * width + x0 - 1;
                    for (int p = 0; p < planes; p++) {
                        out[p][o] = bicubic(sources[p], width, base, wx, wy);
                    }
                } else {
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
    }

    private static void setNaN(float[][] out, int o, int planes) {
        for (int p = 0; p < planes; p++) {
            out[p][o] = Float.NaN;
        }
    }

    private static float bicubic(float[] source, int width, int base, float[] wx, float[] wy) {
        float sum = 0;
        for (int j = 0; j < 4; j++) {
            int row = base + j * width;
            float line = wx[0] * source[row] + wx[1] * source[row + 1] + wx[2] * source[row + 2] + wx[3] * source[row + 3];
            sum += wy[j] * line;
        }
        // The cubic overshoots beside sharp stars; the image model is [0, 1].
        return Math.max(0f, Math.min(1f, sum));
    }

    /**
     * Keys' cubic convolution weights (a = -0.5) for the taps at -1, 0, 1, 2 around a fraction t in [0, 1),
     * as the polynomials of the kernel's two pieces evaluated at t + 1, t, 1 - t and 2 - t.
     */
    private static void keysWeights(float t, float[] w) {
        float t2 = t * t;
        float t3 = t2 * t;
        w[0] = -0.5f * t3 + t2 - 0.5f * t;
        w[1] = 1.5f * t3 - 2.5f * t2 + 1f;
        w[2] = -1.5f * t3 + 2f * t2 + 0.5f * t;
        w[3] = 0.5f * t3 - 0.5f * t2;
    }
}
