package org.fitsflow.processors.stacking;

import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * Resamples planes onto the reference frame's grid: output pixel (x, y) takes the source interpolated at the
 * transformed position. Pixels whose interpolation window leaves the source become NaN, so that the combine
 * leaves them out instead of averaging in a black border. The planes of one frame share their positions and
 * interpolation weights, which are computed once per pixel for all of them; bicubic rows go through
 * {@link BicubicRows}.
 */
public final class Resampler {
    /** Rows per task of {@link #resample}: a bicubic band reuses each row's taps in the next. */
    private static final int BAND = 64;

    private Resampler() {
    }

    public static float[] resample(float[] source, int width, int height, RigidTransform referenceToSource,
                                   Interpolation interpolation) {
        float[][] out = {new float[source.length]};
        ComputePool.run(() -> IntStream.range(0, (height + BAND - 1) / BAND).parallel().forEach(band -> {
            int y0 = band * BAND;
            resampleRows(new float[][] {source}, width, height, referenceToSource, interpolation, y0,
                    Math.min(BAND, height - y0), out, y0 * width);
        }));
        return out[0];
    }

    /**
     * Resamples rows [y0, y0 + rows) of every plane into {@code out[c]} from index {@code outOffset} on.
     */
    public static void resampleRows(float[][] sources, int width, int height, RigidTransform referenceToSource,
                                    Interpolation interpolation, int y0, int rows, float[][] out, int outOffset) {
        if (interpolation == Interpolation.BICUBIC) {
            new BicubicRows(width, sources.length).resample(sources, height, referenceToSource, y0, rows, out,
                    outOffset);
        } else {
            bilinearRows(sources, width, height, referenceToSource, y0, rows, out, outOffset);
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
}
