package org.fitsflow.processors.subs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.pipeline.StackingSection;
import org.fitsflow.processors.stacking.StackResult;
import org.fitsflow.processors.stacking.StackedFrame;
import org.fitsflow.processors.stacking.StackingParameters;

/**
 * The job's measurements of a stack: how many subs were stacked on which reference, with which settings,
 * every sub used with its weights per channel, and every sub left out with the reason; and of a deep stack,
 * the same of its nights.
 */
final class StackMeasurements {
    private StackMeasurements() {
    }

    static Map<String, Object> of(StackResult stack, StackingParameters parameters) {
        Map<String, Object> measurements = new LinkedHashMap<>();
        measurements.put("subs", stack.frames().size());
        measurements.put("stacked", stack.usedCount());
        measurements.put("reference", stack.reference().getFileName().toString());
        measurements.put(StackingSection.KEY, StackingSection.toMap(parameters));
        measurements.put("total_exposure_seconds", stack.master().header().doubleValue("TOTALEXP").orElse(null));
        measurements.put("used", stack.frames().stream().filter(StackedFrame::used).map(StackMeasurements::used).toList());
        measurements.put("rejected", stack.frames().stream().filter(f -> !f.used())
                .map(f -> f.file().getFileName() + ": " + f.reason()).toList());
        return measurements;
    }

    /**
     * A deep stack's: {@code nights} (given), {@code nights_combined}, {@code reference}, {@code stacking},
     * {@code stack_count} (subs of all nights), {@code total_exposure_seconds}, {@code date_obs}, {@code date_end},
     * {@code used} (each night with its weights) and {@code rejected} ({@code "file: reason"}).
     */
    static Map<String, Object> ofNights(StackResult stack, StackingParameters parameters) {
        Map<String, Object> measurements = new LinkedHashMap<>();
        measurements.put("nights", stack.frames().size());
        measurements.put("nights_combined", stack.usedCount());
        measurements.put("reference", stack.reference().getFileName().toString());
        measurements.put(StackingSection.KEY, StackingSection.toMap(parameters));
        measurements.put("stack_count", stack.master().header().summary().stackCount());
        measurements.put("total_exposure_seconds", stack.master().header().doubleValue("TOTALEXP").orElse(null));
        measurements.put("date_obs", stack.master().header().stringValue("DATE-OBS").orElse(null));
        measurements.put("date_end", stack.master().header().stringValue("DATE-END").orElse(null));
        measurements.put("used", stack.frames().stream().filter(StackedFrame::used).map(StackMeasurements::used).toList());
        measurements.put("rejected", stack.frames().stream().filter(f -> !f.used())
                .map(f -> f.file().getFileName() + ": " + f.reason()).toList());
        return measurements;
    }

    private static Map<String, Object> used(StackedFrame frame) {
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("file", frame.file().getFileName().toString());
        List<Double> weights = new ArrayList<>();
        for (float w : frame.weights()) {
            weights.add(Math.round(w * 1e4) / 1e4);
        }
        sub.put("weights", weights);
        sub.put("matched_stars", frame.matchedStars());
        sub.put("registration_rms_px", Math.round(frame.rmsResidual() * 1e4) / 1e4);
        return sub;
    }
}
