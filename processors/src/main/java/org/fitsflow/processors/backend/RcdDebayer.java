package org.fitsflow.processors.backend;

import org.fitsflow.processors.parallel.ParallelRanges;
import org.fitsflow.processors.stats.CfaPattern;

/**
 * Ratio-corrected demosaicing (RCD, L. Sanz Rodríguez, release 2.3), the default of Siril and RawTherapee:
 * green is interpolated along the direction with less high-frequency energy, each neighbour scaled by the
 * ratio of low-pass levels so that a star's core is not flattened; red and blue then follow green through
 * colour differences, diagonally at red and blue sites and cardinally at green sites. Stars come out
 * narrower than with a bilinear debayer, without its zipper on edges.
 *
 * <p>Each core streams a contiguous range of rows through an {@link RcdWindow}, reading {@link RcdWindow#MARGIN}
 * rows beyond the range at either end, mirrored at the frame's edges.
 */
final class RcdDebayer {
    /** Fewer rows per core than this are not worth a fork: the margins would cost as much as the rows. */
    private static final int MIN_ROWS_PER_CORE = 32;

    private RcdDebayer() {
    }

    static float[][] debayer(float[] mosaic, int width, int height, CfaPattern pattern) {
        float[][] rgb = {new float[mosaic.length], new float[mosaic.length], new float[mosaic.length]};
        debayer(mosaic, width, height, pattern, rgb);
        return rgb;
    }

    /** As {@link #debayer(float[], int, int, CfaPattern)}, into three planes of the mosaic's size, overwritten whole. */
    static void debayer(float[] mosaic, int width, int height, CfaPattern pattern, float[][] rgb) {
        MosaicSize.check(mosaic, width, height);
        if (rgb.length != 3 || rgb[0].length != mosaic.length || rgb[1].length != mosaic.length
                || rgb[2].length != mosaic.length) {
            throw new IllegalArgumentException("expected 3 planes of " + mosaic.length + " pixels to debayer into");
        }
        ParallelRanges.forEach(height, MIN_ROWS_PER_CORE, (fromRow, toRow) ->
                new RcdWindow(width, pattern).demosaic(mosaic, height, fromRow, toRow, rgb));
    }
}
