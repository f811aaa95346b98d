package org.fitsflow.processors.stacking;

/**
 * Bilinear and Keys bicubic (a = -0.5) interpolation of one point, written plainly as a reference for the
 * resampler: NaN where the kernel's window leaves the plane, the bicubic clamped to [0, 1].
 */
final class TextbookKernels {

    private TextbookKernels() {
    }

    static float bicubic(float[] source, int width, int height, double px, double py) {
        if (!(px >= 1 && py >= 1 && px < width - 2 && py < height - 2)) {
            return Float.NaN;
        }
        int x0 = (int) px;
        int y0 = (int) py;
        float[] wx = keys((float) (px - x0));
        float[] wy = keys((float) (py - y0));
        float sum = 0;
        for (int j = 0; j < 4; j++) {
            float line = 0;
            for (int i = 0; i < 4; i++) {
                line += wx[i] * source[(y0 - 1 + j) * width + x0 - 1 + i];
            }
            sum += wy[j] * line;
        }
        return Math.max(0f, Math.min(1f, sum));
    }

    static float bilinear(float[] source, int width, int height, double px, double py) {
        if (!(px >= 0 && py >= 0 && px <= width - 1 && py <= height - 1)) {
            return Float.NaN;
        }
        int x0 = Math.min((int) px, width - 2);
        int y0 = Math.min((int) py, height - 2);
        double fx = px - x0;
        double fy = py - y0;
        int i = y0 * width + x0;
        double top = source[i] * (1 - fx) + source[i + 1] * fx;
        double bottom = source[i + width] * (1 - fx) + source[i + width + 1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /** The kernel's weights for the taps at -1, 0, 1, 2 around a fraction t: its pieces at t + 1, t, 1 - t, 2 - t. */
    private static float[] keys(float t) {
        float t2 = t * t;
        float t3 = t2 * t;
        return new float[] {-0.5f * t3 + t2 - 0.5f * t, 1.5f * t3 - 2.5f * t2 + 1f, -1.5f * t3 + 2f * t2 + 0.5f * t,
            0.5f * t3 - 0.5f * t2};
    }
}
