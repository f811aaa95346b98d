package org.fitsflow.processors.backend;

import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.export.Quantizer;
import org.fitsflow.processors.stats.CfaPattern;
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

    /**
     * The statistics of every plane, then each plane stretched in place as {@code rule} derives from all
     * of them; returns the stretches applied. A GPU keeps the planes on the device in between, so that
     * each crosses the bus once each way instead of uploaded twice.
     */
    default List<ChannelStretch> statisticsThenStretch(float[][] planes, StretchRule rule) {
        List<ChannelStatistics> statistics = new ArrayList<>(planes.length);
        for (float[] plane : planes) {
            statistics.add(statistics(plane));
        }
        List<ChannelStretch> stretches = rule.stretchesFor(statistics);
        for (int c = 0; c < planes.length; c++) {
            stretch(planes[c], stretches.get(c).c0(), stretches.get(c).m());
        }
        return stretches;
    }

    /** Debayers a mosaic stored row 0 first with the given pattern (RGGB, GRBG, GBRG, BGGR) into R, G, B planes. */
    float[][] debayer(float[] mosaic, int width, int height, String pattern);

    /** The green plane of {@link #debayer} alone, for measuring stars: a third of the memory and time. */
    default float[] debayerGreen(float[] mosaic, int width, int height, String pattern) {
        return debayer(mosaic, width, height, pattern)[1];
    }

    /** As {@link #debayerGreen(float[], int, int, String)}, into {@code green}, for callers that reuse their arrays. */
    default float[] debayerGreen(float[] mosaic, int width, int height, String pattern, float[] green) {
        System.arraycopy(debayerGreen(mosaic, width, height, pattern), 0, green, 0, mosaic.length);
        return green;
    }

    /**
     * As {@link #debayer(float[], int, int, String)} with a chosen method. Only the bilinear debayer has a GPU
     * kernel; RCD runs on all CPU cores whatever the backend, so both backends give the same planes.
     */
    default float[][] debayer(float[] mosaic, int width, int height, String pattern, DebayerMethod method) {
        return method == DebayerMethod.BILINEAR ? debayer(mosaic, width, height, pattern)
                : RcdDebayer.debayer(mosaic, width, height, CfaPattern.parse(pattern));
    }

    /**
     * As {@link #debayer(float[], int, int, String, DebayerMethod)}, into three planes of the mosaic's size that the
     * caller keeps from frame to frame, overwritten whole: a stack of subs then allocates its planes once.
     */
    default void debayer(float[] mosaic, int width, int height, String pattern, DebayerMethod method, float[][] into) {
        if (method == DebayerMethod.RCD) {
            RcdDebayer.debayer(mosaic, width, height, CfaPattern.parse(pattern), into);
            return;
        }
        float[][] planes = debayer(mosaic, width, height, pattern);
        if (into.length != planes.length) {
            throw new IllegalArgumentException("expected " + planes.length + " planes to debayer into, got " + into.length);
        }
        for (int c = 0; c < planes.length; c++) {
            System.arraycopy(planes[c], 0, into[c], 0, planes[c].length);
        }
    }

    /**
     * The stretch of {@link #stretch} quantised to 8 bits as {@link Quantizer#level8}, same layout as the
     * plane; the plane is left unchanged. A GPU does both in one pass, so that only bytes come back.
     */
    default byte[] stretchTo8Bit(float[] plane, double c0, double m) {
        byte[] out = new byte[plane.length];
        ChunkedStretch.apply(this, plane, c0, m, (offset, stretched, length) -> {
            for (int i = 0; i < length; i++) {
                out[offset + i] = (byte) Quantizer.level8(stretched[i]);
            }
        });
        return out;
    }

    /** As {@link #stretchTo8Bit}, quantised to 16 bits as {@link Quantizer#level16}, as unsigned shorts. */
    default short[] stretchTo16Bit(float[] plane, double c0, double m) {
        short[] out = new short[plane.length];
        ChunkedStretch.apply(this, plane, c0, m, (offset, stretched, length) -> {
            for (int i = 0; i < length; i++) {
                out[offset + i] = (short) Quantizer.level16(stretched[i]);
            }
        });
        return out;
    }

    /**
     * Convolves a plane with a separable kernel (the same odd-length weights along rows, then columns),
     * edge pixels repeated; returns a new plane. See {@link GaussianKernel} for the usual weights.
     */
    default float[] convolveSeparable(float[] plane, int width, int height, float[] weights) {
        return SeparableConvolution.apply(plane, width, height, weights);
    }
}
