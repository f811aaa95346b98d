package org.fitsflow.processors.pipeline;

import java.util.Map;

/** One output of a pipeline as written in YAML: its format (jpeg, tiff, png, fits) and its parameters. */
public record ExportSpec(String format, Map<String, Object> params) {
    public ExportSpec {
        params = Map.copyOf(params);
    }
}
