package org.fitsflow.processors.pipeline;

import org.fitsflow.processors.export.Exporter;

/**
 * Makes an exporter from its parameters; throws IllegalArgumentException naming a bad parameter.
 * Unknown parameter names are rejected by the registry afterwards.
 */
@FunctionalInterface
public interface ExporterFactory {
    Exporter create(SpecParameters parameters);
}
