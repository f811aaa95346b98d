package org.fitsflow.processors.stacking;

import java.util.Arrays;

/**
 * Keys bicubic resampling (a = -0.5) of rows onto the reference grid, in loops that C2 turns into vector
 * instructions. C2 (JDK 17) vectorises a loop only where every array in it is read and written at the loop index
 * itself (not at index + 1, nor at an offset of its own), and only where the loop body is small enough to be
 * unrolled in the first place (LoopUnrollLimit: some seven arrays and a handful of operations); a pixel's sixteen
 * taps sit at sixteen offsets from it. So each output row goes in steps:
 * <ol>
 *   <li>the source positions of its pixels, their floors and fractions, in loops of doubles; then, a pixel at a
 *       time, the fractions narrowed to floats and the row cut into segments of pixels whose taps start at the
 *       same offset from their column;</li>
 *   <li>the sixteen weights of every pixel;</li>
 *   <li>per plane, the taps copied, segment by segment, into sixteen rows indexed by the output column (a pixel
 *       at a time where a large turn leaves segments of a few pixels), and the kernel applied to them in eight
 *       loops over the row.</li>
 * </ol>
 * Under a small turn, most pixels of the next output row take their taps one source row lower: their three upper
 * tap rows are the previous output row's three lower ones, and only the bottom one is copied. Each output value is
 * the same float, from the same operations in the same order, as the kernel applied one pixel at a time.
 */
final class BicubicRows {
    /**
     * Rows whose segments are shorter than this on average, under turns of some 7 degrees or more, gather their
     * taps a pixel at a time: there a segment's copies cost more in calls than in copying.
     */
    private static final int SHORT_SEGMENT = 8;
    private final int width;
    /** The columns as doubles: C2 leaves int to double conversions scalar. */
    private final double[] columns;
    private final double[] floorX;
    private final double[] floorY;
    private final double[] fractionX;
    private final double[] fractionY;
    /**
     * Per pixel, the source index of its top left tap less its column, from a vector loop of doubles; -infinity
     * outside [from, to).
     */
    private double[] corner;
    private double[] previousCorner;
    private final float[] u;
    private final float[] v;
    private boolean pixelWise;
    /** Per pixel, the source index of its top left tap, where the row is gathered a pixel at a time. */
    private final int[] tapIndex;
    private final int[] segmentStart;
    private final int[] segmentCorner;
    private final boolean[] segmentKept;
    private int segments;
    private int from;
    private int to;
    private final float[][] wx = new float[4][];
    private final float[][] wy = new float[4][];
    /** Per plane, taps[p][j][k][x]: the source at tap row j and tap column k of output pixel x. */
    private final float[][][][] taps;
    private final float[] line;
    private final float[] sum;
    /** Where {@link #readAhead} copies to; never read. */
    private final float[] readRow;

    BicubicRows(int width, int planes) {
        this.width = width;
        columns = new double[width];
        for (int x = 0; x < width; x++) {
            columns[x] = x;
        }
        floorX = new double[width];
        floorY = new double[width];
        fractionX = new double[width];
        fractionY = new double[width];
        corner = new double[width];
        previousCorner = new double[width];
        Arrays.fill(corner, Double.NEGATIVE_INFINITY);
        u = new float[width];
        v = new float[width];
        tapIndex = new int[width];
        segmentStart = new int[width + 1];
        segmentCorner = new int[width];
        segmentKept = new boolean[width];
        for (int i = 0; i < 4; i++) {
            wx[i] = new float[width];
            wy[i] = new float[width];
        }
        taps = new float[planes][4][4][width];
        line = new float[width];
        sum = new float[width];
        readRow = new float[width];
    }

    void resample(float[][] sources, int height, RigidTransform referenceToSource, int y0, int rows, float[][] out,
                  int outOffset) {
        double c = Math.cos(referenceToSource.angle());
        double s = Math.sin(referenceToSource.angle());
        int lastRead = -1;
        for (int y = y0; y < y0 + rows; y++) {
            positions(c, s, referenceToSource.tx(), referenceToSource.ty(), y, height);
            int o = outOffset + (y - y0) * width;
            if (from < to) {
                weights(u, wx, from, to);
                weights(v, wy, from, to);
                int bottom = (int) Math.max(floorY[from], floorY[to - 1]) + 2;
                if (bottom > lastRead) {
                    readAhead(sources, bottom);
                    lastRead = bottom;
                }
                for (int p = 0; p < sources.length; p++) {
                    gather(sources[p], taps[p]);
                    combine(taps[p]);
                    System.arraycopy(sum, from, out[p], o + from, to - from);
                }
            }
            for (float[] plane : out) {
                Arrays.fill(plane, o, o + from, Float.NaN);
                Arrays.fill(plane, o + to, o + width, Float.NaN);
            }
        }
    }

    /**
     * The pixels [from, to) of row y whose 4 x 4 window lies in the source (one interval, as the positions are
     * monotonic along the row), their fractions and their segments.
     */
    private void positions(double c, double s, double tx, double ty, int y, int height) {
        floorsAndFractions(columns, c, -s * y + tx, floorX, fractionX, width);
        floorsAndFractions(columns, s, c * y + ty, floorY, fractionY, width);
        int x = 0;
        while (x < width && !inside(x, height)) {
            x++;
        }
        from = x;
        x = width;
        while (x > from && !inside(x - 1, height)) {
            x--;
        }
        to = x;
        double[] previous = previousCorner;
        previousCorner = corner;
        corner = previous;
        corners(floorX, floorY, columns, width, corner, from, to);
        Arrays.fill(corner, 0, from, Double.NEGATIVE_INFINITY);
        Arrays.fill(corner, to, width, Double.NEGATIVE_INFINITY);
        narrow(fractionX, u, from, to);
        narrow(fractionY, v, from, to);
        segments();
        pixelWise = segments * SHORT_SEGMENT > to - from;
        if (pixelWise) {
            for (x = from; x < to; x++) {
                tapIndex[x] = (int) corner[x] + x;
            }
        }
    }

    /** Whether the window of pixel x lies in the source, px >= 1, px < width - 2 and so on: the floors tell. */
    private boolean inside(int x, int height) {
        return floorX[x] >= 1 && floorY[x] >= 1 && floorX[x] < width - 2 && floorY[x] < height - 2;
    }

    /**
     * Segments of [from, to): runs of pixels that share the source index of their top left tap less their column,
     * in this output row and in the previous one; kept where the previous one's was one source row higher, so
     * that its tap rows move up.
     */
    private void segments() {
        segments = 0;
        int x = from;
        while (x < to) {
            double here = corner[x];
            double before = previousCorner[x];
            segmentStart[segments] = x;
            segmentCorner[segments] = (int) here;
            segmentKept[segments] = here == before + width;
            segments++;
            x++;
            while (x < to && corner[x] == here && previousCorner[x] == before) {
                x++;
            }
        }
        segmentStart[segments] = to;
    }

    private static void floorsAndFractions(double[] columns, double scale, double offset, double[] floors,
                                           double[] fractions, int n) {
        for (int x = 0; x < n; x++) {
            double p = scale * columns[x] + offset;
            double f = Math.floor(p);
            floors[x] = f;
            fractions[x] = p - f;
        }
    }

    private static void corners(double[] floorX, double[] floorY, double[] columns, int width, double[] corner,
                                int from, int to) {
        for (int x = from; x < to; x++) {
            corner[x] = (floorY[x] - 1) * width + (floorX[x] - 1 - columns[x]);
        }
    }

    /** Double to float conversions, which C2 leaves scalar, in a loop apart from the vector loops. */
    private static void narrow(double[] fractions, float[] out, int from, int to) {
        for (int x = from; x < to; x++) {
            out[x] = (float) fractions[x];
        }
    }

    /**
     * The kernel's weights for the taps at -1, 0, 1, 2 around each fraction: its two pieces' polynomials at
     * t + 1, t, 1 - t and 2 - t.
     */
    private static void weights(float[] fractions, float[][] w, int from, int to) {
        float[] w0 = w[0];
        float[] w1 = w[1];
        float[] w2 = w[2];
        float[] w3 = w[3];
        for (int x = from; x < to; x++) {
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
     * Reads the lowest source row the taps reach, in order, before they are copied. Under a turn a row's segments
     * climb diagonally through the source, each from another source row, a path the hardware prefetcher does not
     * follow: without this every segment waits on memory, as the pixel-at-a-time kernel did.
     */
    private void readAhead(float[][] sources, int row) {
        for (float[] source : sources) {
            System.arraycopy(source, row * width, readRow, 0, width);
        }
    }

    /**
     * The tap rows of one plane: the previous output row's moved up one place, then the segments' copied in, or
     * all taps a pixel at a time.
     */
    private void gather(float[] source, float[][][] rowsOfTaps) {
        float[][] top = rowsOfTaps[0];
        System.arraycopy(rowsOfTaps, 1, rowsOfTaps, 0, 3);
        rowsOfTaps[3] = top;
        if (pixelWise) {
            for (int j = 0; j < 4; j++) {
                gatherPixels(source, j * width, rowsOfTaps[j]);
            }
            return;
        }
        for (int i = 0; i < segments; i++) {
            int start = segmentStart[i];
            int length = segmentStart[i + 1] - start;
            int first = segmentCorner[i] + start;
            for (int j = segmentKept[i] ? 3 : 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    System.arraycopy(source, first + j * width + k, rowsOfTaps[j][k], start, length);
                }
            }
        }
    }

    /** One row of taps, a pixel at a time: {@code offset} is the tap row's distance from the top one. */
    private void gatherPixels(float[] source, int offset, float[][] t) {
        float[] t0 = t[0];
        float[] t1 = t[1];
        float[] t2 = t[2];
        float[] t3 = t[3];
        for (int x = from; x < to; x++) {
            int i = tapIndex[x] + offset;
            t0[x] = source[i];
            t1[x] = source[i + 1];
            t2[x] = source[i + 2];
            t3[x] = source[i + 3];
        }
    }

    /**
     * The kernel over [from, to) into {@code sum}, tap row by tap row: the first three taps of its line in one loop,
     * the fourth and the line's vertical weight in the next, in the kernel's order of operations,
     * l = ((a0 t0 + a1 t1) + a2 t2) + a3 t3 and ((b0 l0 + b1 l1) + b2 l2) + b3 l3; clamped, as the cubic overshoots
     * beside sharp stars and the image model is [0, 1].
     */
    private void combine(float[][][] rowsOfTaps) {
        for (int j = 0; j < 4; j++) {
            float[][] t = rowsOfTaps[j];
            threeTaps(line, wx[0], t[0], wx[1], t[1], wx[2], t[2], from, to);
            if (j == 0) {
                firstLine(sum, wy[0], line, wx[3], t[3], from, to);
            } else if (j < 3) {
                nextLine(sum, wy[j], line, wx[3], t[3], from, to);
            } else {
                lastLine(sum, wy[3], line, wx[3], t[3], from, to);
            }
        }
    }

    private static void threeTaps(float[] line, float[] a0, float[] t0, float[] a1, float[] t1, float[] a2,
                                  float[] t2, int from, int to) {
        for (int x = from; x < to; x++) {
            line[x] = a0[x] * t0[x] + a1[x] * t1[x] + a2[x] * t2[x];
        }
    }

    private static void firstLine(float[] sum, float[] b, float[] line, float[] a3, float[] t3, int from, int to) {
        for (int x = from; x < to; x++) {
            sum[x] = b[x] * (line[x] + a3[x] * t3[x]);
        }
    }

    private static void nextLine(float[] sum, float[] b, float[] line, float[] a3, float[] t3, int from, int to) {
        for (int x = from; x < to; x++) {
            sum[x] = sum[x] + b[x] * (line[x] + a3[x] * t3[x]);
        }
    }

    private static void lastLine(float[] sum, float[] b, float[] line, float[] a3, float[] t3, int from, int to) {
        for (int x = from; x < to; x++) {
            sum[x] = Math.max(0f, Math.min(1f, sum[x] + b[x] * (line[x] + a3[x] * t3[x])));
        }
    }
}
