package org.fitsflow.processors.steps;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code histogram_stretch} chooses its parameters. */
public enum StretchMode {
    /** PixInsight STF auto-stretch with one set of parameters from the channels' averaged c0 and medians. */
    LINKED,
    /** PixInsight STF auto-stretch per channel, which also neutralises a colour cast of the background. */
    UNLINKED,
    /** Fixed percentiles as black and white points, then a fixed midtones balance. */
    PERCENTILE;

    /** The name as written in pipeline YAML, e.g. {@code unlinked}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StretchMode parse(String text) {
        return Arrays.stream(values()).filter(mode -> mode.yamlName().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stretch mode '" + text + "': expected one of "
                        + Arrays.stream(values()).map(StretchMode::yamlName).collect(Collectors.joining(", "))));
    }
}
