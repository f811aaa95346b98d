package org.fitsflow.processors.analysis;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * The sky background and its noise on a coarse grid of square cells (sigma-clipped median and standard
 * deviation per cell, then a 3 x 3 median filter over the cells so that a cell filled by a bright star or a
 * nebula knot takes its neighbours' level), interpolated bilinearly between cell centres.
 */
public final class BackgroundMesh {
    private static final double CLIP_KAPPA = 3.0;
    private static final int CLIP_ITERATIONS = 5;
    private static final int ROW_STEP = 4;

    private final int width;
    private final int height;
    private final int cellSize;
    private final int columns;
    private final int rows;
    private final double[] levels;
    private final double noise;
    private final double medianLevel;

    private BackgroundMesh(int width, int height, int cellSize, int columns, int rows, double[] levels, double noise) {
        this.width = width;
        this.height = height;
        this.cellSize = cellSize;
        this.columns = columns;
        this.rows = rows;
        this.levels = levels;
        this.noise = noise;
        this.medianLevel = median(levels.clone());
    }

    public static BackgroundMesh measure(float[] plane, int width, int height, int cellSize) {
        int size = Math.max(8, Math.min(cellSize, Math.min(width, height)));
        int columns = Math.max(1, width / size);
        int rows = Math.max(1, height / size);
        double[] levels = new double[columns * rows];
        double[] sigmas = new double[columns * rows];
        ComputePool.run(() -> IntStream.range(0, rows).parallel().forEach(row -> {
            float[] box = new float[(width / columns + 1) * (height / rows + 1)];
            for (int col = 0; col < columns; col++) {
                int x0 = col * width / columns;
                int x1 = (col + 1) * width / columns;
                int y0 = row * height / rows;
                int y1 = (row + 1) * height / rows;
                int n = 0;
                // Every fourth row: a cell's level and spread need far fewer than its thousands of pixels,
                // and the sort of what is collected is most of the mesh's time. Whole rows keep a
                // debayered plane's mix of measured and interpolated pixels.
                for (int y = y0; y < y1; y += ROW_STEP) {
                    System.arraycopy(plane, y * width + x0, box, n, x1 - x0);
                    n += x1 - x0;
                }
                ClippedStatistics stats = ClippedStatistics.of(box, n, CLIP_KAPPA, CLIP_ITERATIONS);
                levels[row * columns + col] = stats.median();
                sigmas[row * columns + col] = stats.sigma();
            }
        }));
        return new BackgroundMesh(width, height, size, columns, rows, medianFiltered(levels, columns, rows),
                median(finite(sigmas)));
    }

    /** The median of the cell levels: the frame's typical sky level. */
    public double medianLevel() {
        return medianLevel;
    }

    /** The median of the cells' clipped standard deviations: the per-pixel sky noise. */
    public double noise() {
        return noise;
    }

    /**
     * {@code plane} less the background at every pixel, non-finite differences as 0. The background is
     * bilinear between cell centres, extrapolated linearly from the outer two cells towards the borders, so
     * that a gradient is followed right up to the edge; it is never held as a plane of its own.
     */
    public float[] residual(float[] plane) {
        float[] residual = new float[width * height];
        Axis across = new Axis(width, columns);
        Axis down = new Axis(height, rows);
        int[] c0 = new int[width];
        int[] c1 = new int[width];
        double[] fx = new double[width];
        for (int x = 0; x < width; x++) {
            c0[x] = across.lower(x);
            c1[x] = across.upper(c0[x]);
            fx[x] = across.fraction(x, c0[x]);
        }
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            int r0 = down.lower(y);
            int r1 = down.upper(r0);
            double fy = down.fraction(y, r0);
            for (int x = 0; x < width; x++) {
                float r = plane[y * width + x] - level(r0, r1, fy, c0[x], c1[x], fx[x]);
                residual[y * width + x] = Float.isFinite(r) ? r : 0f;
            }
        }));
        return residual;
    }

    /** The background at pixel (x, y), as {@link #residual} subtracts it. */
    public float levelAt(int x, int y) {
        Axis across = new Axis(width, columns);
        Axis down = new Axis(height, rows);
        int c0 = across.lower(x);
        int r0 = down.lower(y);
        return level(r0, down.upper(r0), down.fraction(y, r0), c0, across.upper(c0), across.fraction(x, c0));
    }

    private float level(int r0, int r1, double fy, int c0, int c1, double fx) {
        double top = levels[r0 * columns + c0] * (1 - fx) + levels[r0 * columns + c1] * fx;
        double bottom = levels[r1 * columns + c0] * (1 - fx) + levels[r1 * columns + c1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /** Where a pixel falls between the cell centres along one axis: the lower cell and the fraction towards the next. */
    private record Axis(int pixels, int cells) {
        int lower(int p) {
            return cells == 1 ? 0 : (int) Math.max(0, Math.min(cells - 2, Math.floor(position(p))));
        }

        int upper(int lower) {
            return Math.min(lower + 1, cells - 1);
        }

        double fraction(int p, int lower) {
            return cells == 1 ? 0 : position(p) - lower;
        }

        private double position(int p) {
            return (p + 0.5) / ((double) pixels / cells) - 0.5;
        }
    }

    public int cellSize() {
        return cellSize;
    }

    /**
     * 3 x 3 median over the cells. A neighbour beyond the grid is replaced by its point reflection through the
     * centre cell (2 L(centre) - L(opposite)), so that a border cell on a linear gradient keeps its own level.
     */
    private static double[] medianFiltered(double[] levels, int columns, int rows) {
        double[] filtered = new double[levels.length];
        double[] window = new double[9];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double centre = levels[r * columns + c];
                int n = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        double v = level(levels, columns, rows, r + dr, c + dc);
                        if (Double.isNaN(v)) {
                            v = 2 * centre - level(levels, columns, rows, r - dr, c - dc);
                        }
                        if (Double.isFinite(v)) {
                            window[n++] = v;
                        }
                    }
                }
                filtered[r * columns + c] = n == 0 ? Double.NaN : medianOfFew(window, n);
            }
        }
        return filtered;
    }

    private static double level(double[] levels, int columns, int rows, int r, int c) {
        return r >= 0 && r < rows && c >= 0 && c < columns ? levels[r * columns + c] : Double.NaN;
    }

    /** The median of window[0, n) by insertion sort (n is at most 9), in place. */
    private static double medianOfFew(double[] window, int n) {
        for (int i = 1; i < n; i++) {
            double v = window[i];
            int j = i - 1;
            while (j >= 0 && window[j] > v) {
                window[j + 1] = window[j];
                j--;
            }
            window[j + 1] = v;
        }
        int mid = n / 2;
        return n % 2 == 1 ? window[mid] : 0.5 * (window[mid - 1] + window[mid]);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }

}
