package org.fitsflow.processors.pipeline;

import java.util.Map;
import org.fitsflow.processors.steps.Step;

/**
 * Makes a step from its YAML/JSON parameters; throws IllegalArgumentException (or
 * InvalidPipelineException) naming a bad or unknown parameter.
 */
@FunctionalInterface
public interface StepFactory {
    Step create(Map<String, Object> parameters);
}
