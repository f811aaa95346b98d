package org.fitsflow.processors.stacking;

/**
 * How one registered frame enters the combine, per channel: its values become {@code gain x v + offset}
 * (the normalisation to the reference) and count with {@code weight} in the mean.
 */
public record FrameCoefficients(float[] gain, float[] offset, float[] weight) {

    /** A frame taken as it is, with weight 1: e.g. the reference without normalisation. */
    public static FrameCoefficients identity(int channels) {
        float[] ones = new float[channels];
        java.util.Arrays.fill(ones, 1f);
        return new FrameCoefficients(ones, new float[channels], ones.clone());
    }
}
