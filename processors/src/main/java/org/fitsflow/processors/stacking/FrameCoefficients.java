package org.fitsflow.processors.stacking;

import java.util.ArrayList;
import java.util.List;

/**
 * How one registered frame enters the combine, per channel: its values become {@code gain x v + offset}
 * (the normalisation to the reference) and count with {@code weight} in the mean.
 */
public record FrameCoefficients(float[] gain, float[] offset, float[] weight) {

    /** Each frame's coefficients, in the order of {@code used}: normalised to {@code reference}, weighted as set. */
    static List<FrameCoefficients> of(StackingParameters parameters, List<SubMeasurement> used,
                                      SubMeasurement reference) {
        float[][] gains = new float[used.size()][];
        float[][] offsets = new float[used.size()][];
        for (int f = 0; f < used.size(); f++) {
            float[][] gainAndOffset = FrameNormaliser.gainAndOffset(parameters.normalisation(), used.get(f).levels(),
                    reference.levels());
            gains[f] = gainAndOffset[0];
            offsets[f] = gainAndOffset[1];
        }
        float[][] weights = FrameWeighting.weights(parameters.weighting(), used, gains, WeightedFwhm.of(used));
        List<FrameCoefficients> coefficients = new ArrayList<>();
        for (int f = 0; f < used.size(); f++) {
            coefficients.add(new FrameCoefficients(gains[f], offsets[f], weights[f]));
        }
        return coefficients;
    }
}
