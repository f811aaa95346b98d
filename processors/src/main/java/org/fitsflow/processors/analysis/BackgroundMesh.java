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
     * The background at every pixel: bilinear between cell centres, extrapolated linearly from the outer two
     * cells towards the borders, so that a gradient is followed right up to the edge.
     */
    public float[] map() {
        float[] map = new float[width * height];
        double cellW = (double) width / columns;
        double cellH = (double) height / rows;
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            double gy = (y + 0.5) / cellH - 0.5;
            int r0 = rows == 1 ? 0 : (int) Math.max(0, Math.min(rows - 2, Math.floor(gy)));
            int r1 = Math.min(r0 + 1, rows - 1);
            double fy = rows == 1 ? 0 : gy - r0;
            for (int x = 0; x < width; x++) {
                double gx = (x + 0.5) / cellW - 0.5;
                int c0 = columns == 1 ? 0 : (int) Math.max(0, Math.min(columns - 2, Math.floor(gx)));
                int c1 = Math.min(c0 + 1, columns - 1);
                double fx = columns == 1 ? 0 : gx - c0;
                double top = levels[r0 * columns + c0] * (1 - fx) + levels[r0 * columns + c1] * fx;
                double bottom = levels[r1 * columns + c0] * (1 - fx) + levels[r1 * columns + c1] * fx;
                map[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }));
        return map;
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
                filtered[r * columns + c] = n == 0 ? Double.NaN : median(Arrays.copyOf(window, n));
            }
        }
        return filtered;
    }

    private static double level(double[] levels, int columns, int rows, int r, int c) {
        return r >= 0 && r < rows && c >= 0 && c < columns ? levels[r * columns + c] : Double.NaN;
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
