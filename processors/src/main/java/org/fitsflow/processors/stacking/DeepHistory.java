package org.fitsflow.processors.stacking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fitsflow.processors.stacking.rejection.PixelRejection;

/**
 * The HISTORY lines of a deep stack: the settings, its reference night and frame, and every night with its subs,
 * exposure and weights, or the reason it was left out.
 */
final class DeepHistory {
    private DeepHistory() {
    }

    /**
     * @param frames  every night's outcome, in the order of {@code nights}
     * @param framing the framing line the master's framing wrote
     */
    static List<String> lines(StackingParameters p, NightMaster reference, List<NightMaster> nights,
                              List<StackedFrame> frames, String framing) {
        List<String> lines = new ArrayList<>();
        long used = frames.stream().filter(StackedFrame::used).count();
        lines.add(String.format(Locale.ROOT, "deep stack: combined %d of %d nights on %s", used, nights.size(),
                reference.file().getFileName()));
        lines.add("per night: normalisation " + StackHistory.name(p.normalisation()) + ", weights "
                + StackHistory.name(p.weighting()));
        lines.add(StackHistory.rejection(p.rejection()) + ", from " + PixelRejection.MIN_VALUES + " nights on");
        lines.add(StackHistory.name(p.interpolation()) + " interpolation");
        lines.add(framing);
        for (int i = 0; i < nights.size(); i++) {
            NightMaster night = nights.get(i);
            StackedFrame frame = frames.get(i);
            String name = night.file().getFileName().toString();
            if (frame.used()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "night %s: %d subs, %s s, w", name,
                        night.stackCount(), MasterHeader.number(night.totalExposure())));
                for (float w : frame.weights()) {
                    line.append(String.format(Locale.ROOT, " %.3f", w));
                }
                lines.add(line.toString());
            } else {
                lines.add("left out " + name + ": " + frame.reason());
            }
        }
        return lines;
    }
}
