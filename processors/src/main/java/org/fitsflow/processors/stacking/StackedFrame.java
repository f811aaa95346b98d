package org.fitsflow.processors.stacking;

import java.nio.file.Path;
import org.fitsflow.processors.analysis.FrameQuality;

/**
 * What became of one sub: used (with its transform from the reference, the number of stars that matched and
 * their RMS residual in pixels) or left out with the reason. {@code quality} is null for an unreadable file.
 */
public record StackedFrame(Path file, boolean used, String reason, FrameQuality quality, RigidTransform transform,
                           int matchedStars, double rmsResidual) {

    static StackedFrame rejected(Path file, FrameQuality quality, String reason) {
        return new StackedFrame(file, false, reason, quality, null, 0, Double.NaN);
    }
}
