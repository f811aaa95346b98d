package org.fitsflow.processors.stacking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fitsflow.processors.stacking.rejection.RejectionAlgorithm;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;

/**
 * The HISTORY lines of a master: the settings it was stacked with (a drizzle's scale and pixfrac in place of
 * the rejection and interpolation it does not use), its reference and frame, and every sub with its weights or
 * the reason it was left out. Lines stay under the 72 characters of one HISTORY card.
 */
final class StackHistory {
    private StackHistory() {
    }

    static List<String> lines(StackingParameters p, String reference, List<StackedFrame> frames, CoverageCrop crop) {
        List<String> lines = new ArrayList<>();
        long used = frames.stream().filter(StackedFrame::used).count();
        lines.add(String.format(Locale.ROOT, "stacked %d of %d subs on %s", used, frames.size(), reference));
        lines.add("normalisation " + name(p.normalisation()) + ", weights " + name(p.weighting()));
        String flagged = "flagged subs " + (p.rejectFlagged() ? "left out" : "kept");
        if (p.drizzle().isPresent()) {
            DrizzleParameters d = p.drizzle().get();
            lines.add(String.format(Locale.ROOT, "drizzle scale %s, pixfrac %s: no pixel rejection", decimal(d.scale()),
                    decimal(d.pixfrac())));
            lines.add(flagged);
        } else {
            lines.add(rejection(p.rejection()));
            lines.add(name(p.interpolation()) + " interpolation, " + flagged);
        }
        lines.add(name(p.debayer()) + " debayer of raw subs");
        if (Double.isFinite(p.filter().wfwhmSigma()) || Double.isFinite(p.filter().roundnessSigma())) {
            lines.add(String.format(Locale.ROOT, "filters: wFWHM %s sigma, roundness %s sigma",
                    sigma(p.filter().wfwhmSigma()), sigma(p.filter().roundnessSigma())));
        }
        lines.add(crop == null ? "framing keep: whole reference grid"
                : String.format(Locale.ROOT, "framing crop: x %d y %d, %d x %d", crop.x(), crop.y(), crop.width(),
                crop.height()));
        for (StackedFrame frame : frames) {
            String name = frame.file().getFileName().toString();
            if (frame.used()) {
                lines.add("used " + name + " w" + weights(frame));
            } else {
                lines.add("left out " + name + ": " + frame.reason());
            }
        }
        return lines;
    }

    /** A frame's weights per channel, each after a space, to three decimals. */
    static String weights(StackedFrame frame) {
        StringBuilder out = new StringBuilder();
        for (float w : frame.weights()) {
            out.append(String.format(Locale.ROOT, " %.3f", w));
        }
        return out.toString();
    }

    static String name(Enum<?> setting) {
        return setting.name().toLowerCase(Locale.ROOT);
    }

    static String rejection(RejectionParameters r) {
        if (r.algorithm() == RejectionAlgorithm.NONE) {
            return "rejection none (plain mean)";
        }
        if (r.algorithm() == RejectionAlgorithm.GESD) {
            return String.format(Locale.ROOT, "rejection gesd, outliers %s, significance %s", r.gesdOutliers(),
                    r.gesdSignificance());
        }
        return String.format(Locale.ROOT, "rejection %s, kappa %s low %s high, %d passes", name(r.algorithm()),
                r.kappaLow(), r.kappaHigh(), r.iterations());
    }

    /** 2 for 2.0, 0.7 for 0.7. */
    private static String decimal(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String sigma(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%s", value) : "off";
    }
}
