package org.fitsflow.processors.backend;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a Bayer mosaic becomes R, G and B planes. {@link #RCD} keeps stars narrower and edges free of zipper;
 * {@link #BILINEAR} is the plain average of the nearest photosites, the one a GPU kernel runs.
 */
public enum DebayerMethod {
    RCD, BILINEAR;

    /** The name pipelines use: {@code rcd} or {@code bilinear}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a pipeline's value (case and surrounding blanks ignored), with a message naming the choices. */
    public static DebayerMethod parse(String value) {
        String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown debayer method '" + value + "': expected one of "
                        + Arrays.stream(values()).map(DebayerMethod::yamlName).collect(Collectors.joining(", "))));
    }
}
