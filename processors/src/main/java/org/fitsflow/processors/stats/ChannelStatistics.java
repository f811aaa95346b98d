package org.fitsflow.processors.stats;

/**
 * Robust statistics of one channel's finite values. {@code mad} is the raw median absolute deviation
 * (not yet scaled by 1.4826), as in the reference data. {@code count} is the number of finite values.
 */
public record ChannelStatistics(double median, double mad, long count) {
}
