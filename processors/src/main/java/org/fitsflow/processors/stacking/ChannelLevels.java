package org.fitsflow.processors.stacking;

import java.util.Arrays;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.stats.CfaPattern;
import org.fitsflow.processors.stats.CfaStatistics;
import org.fitsflow.processors.stats.ChannelStatistics;
import org.fitsflow.processors.stats.OrderStatistics;

/**
 * Robust figures of one channel of a sub, in normalised units: {@code location} its median, {@code scale}
 * 1.4826 x its MAD (the spread of the whole channel, sky and signal), and {@code noise} the pixel-to-pixel
 * noise, 1.4826 x the MAD of differences between neighbouring pixels of the colour over sqrt 2, which
 * gradients, nebulae and the debayer's interpolation do not inflate. Location and scale normalise the sub;
 * the noise weighs it.
 */
public record ChannelLevels(double location, double scale, double noise) {
    private static final double MAD_TO_SIGMA = 1.4826;
    /** Every this many rows take part in the noise estimate: plenty of pairs, a fraction of the time. */
    private static final int NOISE_ROW_STRIDE = 8;

    /**
     * The R, G and B levels of a raw mosaic from its photosites of each colour, on every eighth pair of rows:
     * a hundred thousand photosites pin a median and MAD down far below the sky noise, at an eighth of the
     * memory and time of all of them.
     */
    static ChannelLevels[] ofMosaic(float[] mosaic, int width, int height, String bayerPattern, ComputeBackend backend) {
        CfaPattern pattern = CfaPattern.parse(bayerPattern);
        int pairs = height / 2;
        int sampledPairs = (pairs + NOISE_ROW_STRIDE - 1) / NOISE_ROW_STRIDE;
        float[] rows = new float[sampledPairs * 2 * width];
        for (int p = 0; p < sampledPairs; p++) {
            System.arraycopy(mosaic, p * NOISE_ROW_STRIDE * 2 * width, rows, p * 2 * width, 2 * width);
        }
        CfaStatistics sites = CfaStatistics.of(rows, width, sampledPairs * 2, pattern, backend);
        ChannelStatistics[] stats = {sites.red(), sites.green(), sites.blue()};
        ChannelLevels[] levels = new ChannelLevels[3];
        for (int c = 0; c < 3; c++) {
            levels[c] = new ChannelLevels(stats[c].median(), MAD_TO_SIGMA * stats[c].mad(),
                    differenceNoise(mosaic, width, height, pattern, c));
        }
        return levels;
    }

    /** The levels of each plane of a colour or mono frame. */
    static ChannelLevels[] ofPlanes(float[][] planes, int width, int height, ComputeBackend backend) {
        ChannelLevels[] levels = new ChannelLevels[planes.length];
        for (int c = 0; c < planes.length; c++) {
            ChannelStatistics stats = backend.statistics(planes[c]);
            levels[c] = new ChannelLevels(stats.median(), MAD_TO_SIGMA * stats.mad(),
                    differenceNoise(planes[c], width, height, null, 0));
        }
        return levels;
    }

    /** Differences along rows between a pixel of the colour and the next one of the same colour. */
    private static double differenceNoise(float[] plane, int width, int height, CfaPattern pattern, int colour) {
        int step = pattern == null ? 1 : 2;
        float[] differences = new float[(height / NOISE_ROW_STRIDE + 2) * (width / step + 1)];
        int n = 0;
        for (int y = 0; y < height; y += pattern == null ? NOISE_ROW_STRIDE : 1) {
            if (pattern != null && (y / 2) % (NOISE_ROW_STRIDE / 2) != 0) {
                continue;
            }
            int first = 0;
            if (pattern != null) {
                while (first < 2 && pattern.colourAt(y, first) != colour) {
                    first++;
                }
                if (first == 2) {
                    continue;
                }
            }
            int row = y * width;
            for (int x = first; x + step < width && n < differences.length; x += step) {
                differences[n++] = plane[row + x + step] - plane[row + x];
            }
        }
        float[] sample = Arrays.copyOf(differences, n);
        return MAD_TO_SIGMA * OrderStatistics.medianAndMad(sample).mad() / Math.sqrt(2);
    }
}
