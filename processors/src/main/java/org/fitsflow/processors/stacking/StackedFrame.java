package org.fitsflow.processors.stacking;

import java.nio.file.Path;
import org.fitsflow.processors.analysis.FrameQuality;

/**
 * What became of one sub: used (with its transform from the reference, the number of stars that matched and
 * their RMS residual in pixels, and its weight per channel in the mean) or left out with the reason.
 * {@code quality} is null for an unreadable file; {@code weights} is empty for a sub left out.
 */
public record StackedFrame(Path file, boolean used, String reason, FrameQuality quality, RigidTransform transform,
                           int matchedStars, double rmsResidual, float[] weights) {

    static StackedFrame rejected(Path file, FrameQuality quality, String reason) {
        return new StackedFrame(file, false, reason, quality, null, 0, Double.NaN, new float[0]);
    }

    static StackedFrame registered(Path file, FrameQuality quality, RigidTransform transform, int matchedStars,
                                   double rmsResidual) {
        return new StackedFrame(file, true, null, quality, transform, matchedStars, rmsResidual, new float[0]);
    }

    StackedFrame withWeights(float[] newWeights) {
        return new StackedFrame(file, used, reason, quality, transform, matchedStars, rmsResidual, newWeights.clone());
    }

    StackedFrame leftOut(String why) {
        return rejected(file, quality, why);
    }
}
