package org.fitsflow.processors.stats;

import org.fitsflow.processors.backend.ComputeBackend;

/** Median and MAD of the red, green and blue photosites of a raw mosaic, e.g. to judge its colour cast. */
public record CfaStatistics(ChannelStatistics red, ChannelStatistics green, ChannelStatistics blue) {

    public static CfaStatistics of(float[] mosaic, int width, int height, CfaPattern pattern, ComputeBackend backend) {
        if (mosaic.length != (long) width * height) {
            throw new IllegalArgumentException("mosaic length " + mosaic.length + " does not match " + width + " x " + height);
        }
        int[] counts = new int[3];
        for (int row = 0; row < Math.min(2, height); row++) {
            for (int column = 0; column < Math.min(2, width); column++) {
                counts[pattern.colourAt(row, column)] += ((height - row + 1) / 2) * ((width - column + 1) / 2);
            }
        }
        float[][] sites = {new float[counts[0]], new float[counts[1]], new float[counts[2]]};
        int[] filled = new int[3];
        for (int row = 0; row < height; row++) {
            int offset = row * width;
            for (int column = 0; column < width; column++) {
                int colour = pattern.colourAt(row, column);
                sites[colour][filled[colour]++] = mosaic[offset + column];
            }
        }
        return new CfaStatistics(backend.statistics(sites[CfaPattern.RED]),
                backend.statistics(sites[CfaPattern.GREEN]),
                backend.statistics(sites[CfaPattern.BLUE]));
    }
}
