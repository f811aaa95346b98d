package org.fitsflow.processors.backend;

import org.fitsflow.processors.stats.ChannelStatistics;

/**
 * The numeric kernels that dominate a pipeline's time, so that they can run on the CPU or on a GPU.
 * Implementations must give the same results within the tolerances stated in the conformance tests.
 */
public interface ComputeBackend {
    /** {@code cpu} or {@code gpu}. */
    String name();

    default boolean isGpu() {
        return false;
    }

    /** Median and MAD of the finite values of one plane; NaN and infinities take no part. */
    ChannelStatistics statistics(float[] plane);

    /** In place: y = MTF(m, clip((x - c0) / (1 - c0))); non-finite pixels become 0. */
    void stretch(float[] plane, double c0, double m);

    /** Debayers a mosaic stored row 0 first with the given pattern (RGGB, GRBG, GBRG, BGGR) into R, G, B planes. */
    float[][] debayer(float[] mosaic, int width, int height, String pattern);
}
