package org.fitsflow.processors.stacking;

/**
 * How one registered frame enters the combine, per channel: its values become {@code gain x v + offset}
 * (the normalisation to the reference) and count with {@code weight} in the mean.
 */
public record FrameCoefficients(float[] gain, float[] offset, float[] weight) {
}
