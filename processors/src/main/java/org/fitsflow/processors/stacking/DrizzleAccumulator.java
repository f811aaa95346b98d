package org.fitsflow.processors.stacking;

import java.util.Arrays;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * Drizzle (Fruchter and Hook 2002) of registered frames onto a finer grid: each input pixel's square, shrunk to
 * {@code pixfrac} of its side, is dropped at the place the frame's transform gives its centre on the reference
 * grid, and adds its value to every output pixel it overlaps, weighted by the overlap's area. The drop is kept
 * square to the output grid (STScI's "turbo" kernel): exact for translations; under rotation its area and its
 * second moments, hence the blur it adds, are those of the rotated square.
 *
 * <p>Output rows are worked in bands on all cores, each band fed only by the input pixels that can reach it (for
 * each input row, the columns follow from the transform), so no two cores write the same pixel. An accumulator
 * may hold only some output rows ({@link #forRows}): drizzling band after band, each over all frames, bounds the
 * memory to the band whatever the scale.
 */
public final class DrizzleAccumulator {
    private static final int BAND_ROWS = 32;

    private final DrizzleParameters parameters;
    private final int width;
    private final int height;
    private final int firstRow;
    private final int rows;
    private final int channels;
    private final float[][] sums;
    private final float[] weights;

    private DrizzleAccumulator(DrizzleParameters parameters, int referenceWidth, int referenceHeight, int channels,
                               int firstRow, int endRow) {
        this.parameters = parameters;
        this.width = parameters.outputSize(referenceWidth);
        this.height = parameters.outputSize(referenceHeight);
        if (firstRow < 0 || endRow > height || firstRow >= endRow) {
            throw new IllegalArgumentException("output rows [" + firstRow + ", " + endRow + ") are not within the "
                    + height + " rows of the drizzled image");
        }
        this.firstRow = firstRow;
        this.rows = endRow - firstRow;
        this.channels = channels;
        this.sums = new float[channels][width * rows];
        this.weights = new float[width * rows];
    }

    /** An accumulator of the whole output image of a reference grid of the given size. */
    public static DrizzleAccumulator forImage(DrizzleParameters parameters, int referenceWidth, int referenceHeight,
                                              int channels) {
        return new DrizzleAccumulator(parameters, referenceWidth, referenceHeight, channels, 0,
                parameters.outputSize(referenceHeight));
    }

    /** An accumulator of output rows {@code [firstRow, endRow)} only. */
    public static DrizzleAccumulator forRows(DrizzleParameters parameters, int referenceWidth, int referenceHeight,
                                             int channels, int firstRow, int endRow) {
        return new DrizzleAccumulator(parameters, referenceWidth, referenceHeight, channels, firstRow, endRow);
    }

    /**
     * Drops one frame.
     *
     * @param planes            the frame's channels in its own grid, {@code frameWidth} pixels a row; a pixel with
     *                          a non-finite value in any channel is left out
     * @param referenceToFrame  maps a reference-grid point to the same sky in this frame (as registration gives)
     * @param weight            the frame's weight (e.g. inverse noise variance), above 0
     */
    public void add(float[][] planes, int frameWidth, int frameHeight, RigidTransform referenceToFrame, double weight) {
        if (planes.length != channels) {
            throw new IllegalArgumentException("frame has " + planes.length + " channels, the drizzle " + channels);
        }
        for (float[] plane : planes) {
            if (plane.length != (long) frameWidth * frameHeight) {
                throw new IllegalArgumentException("plane length " + plane.length + " does not match " + frameWidth
                        + " x " + frameHeight);
            }
        }
        if (!(weight > 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("frame weight must be above 0, got " + weight);
        }
        Drops drops = new Drops(referenceToFrame, parameters, frameWidth, frameHeight);
        int bands = (rows + BAND_ROWS - 1) / BAND_ROWS;
        ParallelRanges.forEach(bands, 1, (fromBand, toBand) -> {
            for (int band = fromBand; band < toBand; band++) {
                int top = firstRow + band * BAND_ROWS;
                dropOnto(planes, drops, top, Math.min(firstRow + rows, top + BAND_ROWS), (float) weight);
            }
        });
    }

    /** Every drop of the frame whose square reaches output rows [top, bottom), clipped to them. */
    private void dropOnto(float[][] planes, Drops drops, int top, int bottom, float weight) {
        double half = drops.half();
        double[] xOverlap = new double[(int) Math.ceil(2 * half) + 2];
        for (int j = 0; j < drops.frameHeight(); j++) {
            int[] columns = drops.columnsReaching(j, top - half, bottom + half);
            for (int i = columns[0]; i < columns[1]; i++) {
                int source = j * drops.frameWidth() + i;
                if (!finite(planes, source)) {
                    continue;
                }
                double u = drops.u(i, j);
                double v = drops.v(i, j);
                int u0 = Math.max(0, (int) Math.floor(u - half));
                int u1 = Math.min(width, (int) Math.ceil(u + half));
                int v0 = Math.max(top, (int) Math.floor(v - half));
                int v1 = Math.min(bottom, (int) Math.ceil(v + half));
                for (int x = u0; x < u1; x++) {
                    xOverlap[x - u0] = overlap(x, u - half, u + half);
                }
                for (int y = v0; y < v1; y++) {
                    double yOverlap = overlap(y, v - half, v + half);
                    if (yOverlap <= 0) {
                        continue;
                    }
                    int row = (y - firstRow) * width;
                    for (int x = u0; x < u1; x++) {
                        float area = (float) (xOverlap[x - u0] * yOverlap) * weight;
                        if (area > 0) {
                            weights[row + x] += area;
                            for (int c = 0; c < channels; c++) {
                                sums[c][row + x] += area * planes[c][source];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The weighted means so far; the accumulator may go on taking frames. */
    public DrizzleResult result() {
        float[][] planes = new float[channels][weights.length];
        for (int c = 0; c < channels; c++) {
            float[] sum = sums[c];
            float[] plane = planes[c];
            ParallelRanges.forEach(weights.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    plane[i] = weights[i] > 0 ? sum[i] / weights[i] : Float.NaN;
                }
            });
        }
        return new DrizzleResult(width, rows, firstRow, planes, Arrays.copyOf(weights, weights.length));
    }

    /** Length of [from, to] within output cell [cell, cell + 1]. */
    private static double overlap(int cell, double from, double to) {
        return Math.max(0, Math.min(cell + 1, to) - Math.max(cell, from));
    }

    private static boolean finite(float[][] planes, int i) {
        for (float[] plane : planes) {
            if (!Float.isFinite(plane[i])) {
                return false;
            }
        }
        return true;
    }
}
