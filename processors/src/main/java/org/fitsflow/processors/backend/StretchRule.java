package org.fitsflow.processors.backend;

import java.util.List;
import org.fitsflow.processors.stats.ChannelStatistics;

/** Derives each channel's stretch from the statistics of all channels, e.g. the STF auto-stretch linked or not. */
@FunctionalInterface
public interface StretchRule {
    /** One stretch per channel, in the order of {@code statistics}; may throw to refuse the image. */
    List<ChannelStretch> stretchesFor(List<ChannelStatistics> statistics);
}
