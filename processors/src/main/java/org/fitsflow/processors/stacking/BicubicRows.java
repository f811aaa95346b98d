package org.fitsflow.processors.stacking;

/**
 * Keys bicubic resampling (a = -0.5) of rows onto the reference grid, row by row in three steps. First, for
 * each output pixel, the source position, its integer tap origin and its fractions (NaN outside the window
 * the kernel needs); then the sixteen weights of every pixel of the row, one loop of plain arithmetic; then,
 * along runs of pixels whose taps sit at the same source row and the same offset from the pixel's column, as
 * they do for some hundred pixels at a time under a small turn, each plane in one loop whose loads are at
 * fixed offsets from the column: loops the compiler turns into vector instructions, where a pixel-at-a-time
 * loop computes one tap after another. Each output value is the same float, in the same order of operations,
 * as the kernel applied one pixel at a time.
 */
final class BicubicRows {
    private final int width;
    private final int[] tapRow;
    private final int[] tapShift;
    private final float[] u;
    private final float[] v;
    private final float[][] wx = new float[4][];
    private final float[][] wy = new float[4][];

    BicubicRows(int width) {
        this.width = width;
        tapRow = new int[width];
        tapShift = new int[width];
        u = new float[width];
        v = new float[width];
        for (int i = 0; i < 4; i++) {
            wx[i] = new float[width];
            wy[i] = new float[width];
        }
    }

    void resample(float[][] sources, int height, RigidTransform referenceToSource, int y0, int rows, float[][] out,
                  int outOffset) {
        double c = Math.cos(referenceToSource.angle());
        double s = Math.sin(referenceToSource.angle());
        for (int y = y0; y < y0 + rows; y++) {
            positions(c, s, referenceToSource.tx(), referenceToSource.ty(), y, height);
            weights();
            int o = outOffset + (y - y0) * width;
            int x = 0;
            while (x < width) {
                if (tapRow[x] < 0) {
                    for (float[] plane : out) {
                        plane[o + x] = Float.NaN;
                    }
                    x++;
                    continue;
                }
                int start = x;
                int row = tapRow[x];
                int shift = tapShift[x];
                while (x < width && tapRow[x] == row && tapShift[x] == shift) {
                    x++;
                }
                for (int p = 0; p < sources.length; p++) {
                    run(sources[p], (row - 1) * width + shift - 1, start, x, out[p], o);
                }
            }
        }
    }

    /** Tap origins and fractions of row y; tapRow -1 where the 4 x 4 window leaves the source. */
    private void positions(double c, double s, double tx, double ty, int y, int height) {
        double sx = -s * y + tx;
        double sy = c * y + ty;
        for (int x = 0; x < width; x++) {
            double px = c * x + sx;
            double py = s * x + sy;
            if (!(px >= 1 && py >= 1 && px < width - 2 && py < height - 2)) {
                tapRow[x] = -1;
                continue;
            }
            int xi = (int) px;
            int yi = (int) py;
            tapRow[x] = yi;
            tapShift[x] = xi - x;
            u[x] = (float) (px - xi);
            v[x] = (float) (py - yi);
        }
    }

    /**
     * The kernel's weights for the taps at -1, 0, 1, 2 around each fraction: its two pieces' polynomials at
     * t + 1, t, 1 - t and 2 - t.
     */
    private void weights() {
        weights(u, wx);
        weights(v, wy);
    }

    private void weights(float[] fractions, float[][] w) {
        float[] w0 = w[0];
        float[] w1 = w[1];
        float[] w2 = w[2];
        float[] w3 = w[3];
        for (int x = 0; x < width; x++) {
            float t = fractions[x];
            float t2 = t * t;
            float t3 = t2 * t;
            w0[x] = -0.5f * t3 + t2 - 0.5f * t;
            w1[x] = 1.5f * t3 - 2.5f * t2 + 1f;
            w2[x] = -1.5f * t3 + 2f * t2 + 0.5f * t;
            w3[x] = 0.5f * t3 - 0.5f * t2;
        }
    }

    /**
     * Output pixels [from, to) of one plane, whose taps start at source index {@code corner + x}; the cubic
     * overshoots beside sharp stars, and the image model is [0, 1].
     */
    private void run(float[] src, int corner, int from, int to, float[] out, int o) {
        float[] wx0 = wx[0];
        float[] wx1 = wx[1];
        float[] wx2 = wx[2];
        float[] wx3 = wx[3];
        float[] wy0 = wy[0];
        float[] wy1 = wy[1];
        float[] wy2 = wy[2];
        float[] wy3 = wy[3];
        int r0 = corner;
        int r1 = r0 + width;
        int r2 = r1 + width;
        int r3 = r2 + width;
        for (int x = from; x < to; x++) {
            float a0 = wx0[x];
            float a1 = wx1[x];
            float a2 = wx2[x];
            float a3 = wx3[x];
            float line0 = a0 * src[r0 + x] + a1 * src[r0 + x + 1] + a2 * src[r0 + x + 2] + a3 * src[r0 + x + 3];
            float line1 = a0 * src[r1 + x] + a1 * src[r1 + x + 1] + a2 * src[r1 + x + 2] + a3 * src[r1 + x + 3];
            float line2 = a0 * src[r2 + x] + a1 * src[r2 + x + 1] + a2 * src[r2 + x + 2] + a3 * src[r2 + x + 3];
            float line3 = a0 * src[r3 + x] + a1 * src[r3 + x + 1] + a2 * src[r3 + x + 2] + a3 * src[r3 + x + 3];
            float sum = wy0[x] * line0 + wy1[x] * line1 + wy2[x] * line2 + wy3[x] * line3;
            out[o + x] = Math.max(0f, Math.min(1f, sum));
        }
    }
}
