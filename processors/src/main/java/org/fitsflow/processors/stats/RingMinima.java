package org.fitsflow.processors.stats;

/**
 * The smallest of the {@link SameColourRing} of each photosite of a row, for the photosites two or more inside the
 * frame; NaN where one of the ring is. Works on copies of the rows and their shifts, so that each step reads every
 * array at the same index and the JIT compiles it to vector instructions, which it does not for a stencil
 * reading one array at several offsets. One instance per thread: it keeps its rows.
 */
public final class RingMinima {
    private final int width;
    private final float[] up;
    private final float[] centre;
    private final float[] down;
    private final float[] pair;
    private final float[] triple;
    private final float[] tripleLeft;
    private final float[] tripleRight;
    private final float[] minima;

    public RingMinima(int width) {
        this.width = width;
        up = new float[width];
        centre = new float[width];
        down = new float[width];
        pair = new float[width];
        triple = new float[width];
        tripleLeft = new float[width];
        tripleRight = new float[width];
        minima = new float[width];
    }

    /**
     * The minima of row {@code y}, which must lie two or more rows inside the frame, at the columns two or more
     * inside it (the others are left as they were); valid until the next call.
     */
    public float[] ofRow(float[] mosaic, int y) {
        System.arraycopy(mosaic, (y - 2) * width, up, 0, width);
        System.arraycopy(mosaic, y * width, centre, 0, width);
        System.arraycopy(mosaic, (y + 2) * width, down, 0, width);
        for (int x = 0; x < width; x++) {
            pair[x] = Math.min(up[x], down[x]);
        }
        for (int x = 0; x < width; x++) {
            triple[x] = Math.min(pair[x], centre[x]);
        }
        // column x - 2 and x + 2 of the ring, at x
        System.arraycopy(triple, 0, tripleLeft, 2, width - 4);
        System.arraycopy(triple, 4, tripleRight, 2, width - 4);
        for (int x = 2; x < width - 2; x++) {
            minima[x] = Math.min(Math.min(pair[x], tripleLeft[x]), tripleRight[x]);
        }
        return minima;
    }
}
