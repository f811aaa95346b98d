package org.fitsflow.processors.pipeline;

import java.util.List;
import org.fitsflow.processors.stacking.StackingParameters;

/**
 * A named, validated pipeline: ordered steps, then exports (the first export is the main output).
 *
 * @param subs     what it runs over: one file, a set of subs to analyse or stack, or night masters to combine
 *                 ({@code null} reads as one file, as in definitions written before the key existed)
 * @param stacking how subs are stacked or masters combined, only with {@link SubsMode#stacks()} ({@code null} there
 *                 reads as the defaults);
 *                 star detection comes from the pipeline's {@code star_detection} step, not from here
 */
public record PipelineDefinition(String name, String description, SubsMode subs, StackingParameters stacking,
                                 List<StepSpec> steps, List<ExportSpec> exports) {
    public PipelineDefinition {
        subs = subs == null ? SubsMode.ONE_FILE : subs;
        if (subs.stacks() && stacking == null) {
            stacking = StackingParameters.DEFAULTS;
        }
        if (!subs.stacks() && stacking != null) {
            throw new IllegalArgumentException("stacking settings need subs: stack or combine; pipeline '" + name + "' runs over "
                    + (subs == SubsMode.ONE_FILE ? "one file" : "subs: " + subs.key()));
        }
        steps = List.copyOf(steps);
        exports = List.copyOf(exports);
    }

    /** A pipeline over one file. */
    public static PipelineDefinition overOneFile(String name, String description, List<StepSpec> steps,
                                                 List<ExportSpec> exports) {
        return new PipelineDefinition(name, description, SubsMode.ONE_FILE, null, steps, exports);
    }

    /** Whether it runs once over a set of subs rather than on each file (see {@code Processing}). */
    public boolean overSubs() {
        return subs.overSubs();
    }
}
