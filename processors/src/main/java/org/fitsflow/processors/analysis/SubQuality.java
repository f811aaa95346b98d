package org.fitsflow.processors.analysis;

import java.nio.file.Path;
import java.util.List;

/**
 * The quality of one sub-frame: identity from its header, the measured figures ({@code quality} is null when the
 * file could not be read or calibrated, and {@code error} says why), and the reasons it was flagged (empty when it
 * is fine); each reason starts with its kind ({@code unreadable:}, {@code not calibrated:}, ...).
 */
public record SubQuality(Path file, String object, String dateObs, Double exposureSeconds, FrameQuality quality,
                         String error, List<String> flags) {

    public SubQuality {
        flags = List.copyOf(flags);
    }

    public static SubQuality unreadable(Path file, String error) {
        return new SubQuality(file, null, null, null, null, error, List.of("unreadable: " + error));
    }

    /** A sub that was read but cannot be calibrated with the set's frames (no master dark matches it, say). */
    public static SubQuality uncalibrated(Path file, String error) {
        return new SubQuality(file, null, null, null, null, error, List.of("not calibrated: " + error));
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /** The flags as one sentence, or null when the sub is fine. */
    public String reason() {
        return flags.isEmpty() ? null : String.join("; ", flags);
    }

    public SubQuality withFlags(List<String> newFlags) {
        return new SubQuality(file, object, dateObs, exposureSeconds, quality, error, newFlags);
    }
}
