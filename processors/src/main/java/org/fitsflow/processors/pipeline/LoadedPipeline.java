package org.fitsflow.processors.pipeline;

import java.nio.file.Path;

/**
 * A pipeline with where it was read from: {@code file} is the YAML file of the pipelines folder, or null
 * for a built-in pipeline shipped in the jar.
 */
public record LoadedPipeline(PipelineDefinition definition, Path file) {
    public boolean builtIn() {
        return file == null;
    }

    /** For the log: {@code quick_dso (built-in)}, or the file, and whether it replaces a built-in pipeline. */
    public String describe() {
        if (builtIn()) {
            return definition.name() + " (built-in)";
        }
        return definition.name() + " (" + file + (PipelineLibrary.BUILT_IN.contains(definition.name())
                ? ", in place of the built-in one)" : ")");
    }
}
