package org.fitsflow.processors.backend;

import org.fitsflow.processors.stats.CfaPattern;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * Bilinear demosaicing: a missing colour is the mean of its nearest photosites of that colour (2 or 4
 * of them). Edges are mirrored without repeating the edge sample (index -1 reads index 1), which keeps
 * the Bayer phase, so edge pixels are interpolated like interior ones.
 */
final class BilinearDebayer {
    private BilinearDebayer() {
    }

    static float[][] debayer(float[] mosaic, int width, int height, CfaPattern pattern) {
        MosaicSize.check(mosaic, width, height);
        float[][] rgb = {new float[mosaic.length], new float[mosaic.length], new float[mosaic.length]};
        ParallelRanges.forEach(height, 16, (fromRow, toRow) -> {
            for (int row = fromRow; row < toRow; row++) {
                debayerRow(mosaic, width, height, pattern, row, rgb);
            }
        });
        return rgb;
    }

    /** The green plane alone, the same values as {@link #debayer}'s. */
    static float[] green(float[] mosaic, int width, int height, CfaPattern pattern) {
        return green(mosaic, width, height, pattern, new float[mosaic.length]);
    }

    /** As {@link #green(float[], int, int, CfaPattern)}, into {@code green}. */
    static float[] green(float[] mosaic, int width, int height, CfaPattern pattern, float[] green) {
        ParallelRanges.forEach(height, 16, (fromRow, toRow) -> {
            for (int row = fromRow; row < toRow; row++) {
                int here = row * width;
                int up = mirror(row - 1, height) * width;
                int down = mirror(row + 1, height) * width;
                for (int x = 0; x < width; x++) {
                    int i = here + x;
                    green[i] = pattern.colourAt(row, x) == CfaPattern.GREEN ? mosaic[i]
                            : cross(mosaic, here, up, down, x, mirror(x - 1, width), mirror(x + 1, width));
                }
            }
        });
        return green;
    }

    private static float cross(float[] m, int here, int up, int down, int x, int left, int right) {
        return (float) (((double) m[up + x] + m[down + x] + m[here + left] + m[here + right]) / 4);
    }

    private static void debayerRow(float[] m, int width, int height, CfaPattern pattern, int row, float[][] rgb) {
        int here = row * width;
        int up = mirror(row - 1, height) * width;
        int down = mirror(row + 1, height) * width;
        for (int x = 0; x < width; x++) {
            int left = mirror(x - 1, width);
            int right = mirror(x + 1, width);
            int i = here + x;
            int colour = pattern.colourAt(row, x);
            rgb[colour][i] = m[i];
            if (colour == CfaPattern.GREEN) {
                double horizontal = ((double) m[here + left] + m[here + right]) / 2;
                double vertical = ((double) m[up + x] + m[down + x]) / 2;
                int rowNeighbour = pattern.colourAt(row, x + 1);
                rgb[rowNeighbour][i] = (float) horizontal;
                rgb[CfaPattern.RED + CfaPattern.BLUE - rowNeighbour][i] = (float) vertical;
            } else {
                float cross = cross(m, here, up, down, x, left, right);
                double diagonal = ((double) m[up + left] + m[up + right] + m[down + left] + m[down + right]) / 4;
                rgb[CfaPattern.GREEN][i] = cross;
                rgb[CfaPattern.RED + CfaPattern.BLUE - colour][i] = (float) diagonal;
            }
        }
    }

    private static int mirror(int index, int length) {
        return index < 0 ? -index : index >= length ? 2 * length - 2 - index : index;
    }
}
