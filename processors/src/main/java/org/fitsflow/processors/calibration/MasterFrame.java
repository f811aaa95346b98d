package org.fitsflow.processors.calibration;

/**
 * A master calibration frame: the combination of {@code frameCount} frames of one kind, taken in
 * {@code conditions} (a dark group's exposure and gain, the median of its frames' temperatures). {@code pixels}
 * is the mosaic in the lights' layout, normalised as the frames were read; a master flat's is bias-subtracted and
 * scaled to a median of 1. Callers must not change the array.
 */
public record MasterFrame(CalibrationFrameType type, FrameConditions conditions, int frameCount, float[] pixels) {

    /** For HISTORY and logs: {@code dark of 16 frames (10 s, gain 80, 25.3 C)}. */
    public String describe() {
        return type.fileType() + " of " + frameCount + (frameCount == 1 ? " frame" : " frames")
                + (type == CalibrationFrameType.DARK ? " (" + conditions.describe() + ")" : "");
    }
}
