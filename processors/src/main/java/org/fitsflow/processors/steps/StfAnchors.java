package org.fitsflow.processors.steps;

import java.util.Arrays;
import java.util.List;
import org.fitsflow.processors.stats.ChannelStatistics;

/**
 * What the STF auto-stretch derives from each channel's statistics before any curve: the black point
 * c0 = clamp(median + shadowsClip x 1.4826 x MAD, 0, 1) and the median; linked, every channel gets the
 * channels' average of both. Every curve of {@code histogram_stretch} starts from these.
 */
record StfAnchors(double[] c0, double[] medians) {
    /** MAD to standard deviation for normally distributed noise. */
    static final double MAD_TO_SIGMA = 1.4826;

    static StfAnchors of(List<ChannelStatistics> statistics, double shadowsClip, boolean linked) {
        int channels = statistics.size();
        double[] c0 = new double[channels];
        double[] medians = new double[channels];
        for (int c = 0; c < channels; c++) {
            medians[c] = requireFinite(statistics.get(c).median(), c);
            c0[c] = Math.max(0, Math.min(1, medians[c] + shadowsClip * MAD_TO_SIGMA * statistics.get(c).mad()));
        }
        if (linked) {
            Arrays.fill(c0, Arrays.stream(c0).average().orElseThrow());
            Arrays.fill(medians, Arrays.stream(medians).average().orElseThrow());
        }
        return new StfAnchors(c0, medians);
    }

    int channels() {
        return c0.length;
    }

    /** x above channel c's black point, rescaled so that the black point is 0 and 1 stays 1 (unclipped). */
    double aboveBlack(int c, double x) {
        return c0[c] >= 1 ? 0 : (x - c0[c]) / (1 - c0[c]);
    }

    /** Where channel c's median lies above its black point, as the curves see it, in [0, 1]. */
    double medianAboveBlack(int c) {
        return Math.max(0, Math.min(1, aboveBlack(c, medians[c])));
    }

    static double requireFinite(double value, int channel) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("channel " + channel + " has no finite pixels, so there is nothing to stretch");
        }
        return value;
    }
}
