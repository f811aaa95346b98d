package org.fitsflow.processors.stacking;

import java.util.List;

/**
 * The weights of the frames of one stack, per channel, scaled so that their mean is 1:
 * {@link Weighting#NOISE} 1 / (gain x noise)^2, the inverse variance of the frame's sky noise once
 * normalised; {@link Weighting#STAR_COUNT} the stars detected; {@link Weighting#WEIGHTED_FWHM}
 * 1 / wFWHM^2; {@link Weighting#NONE} 1.
 */
final class FrameWeighting {
    private FrameWeighting() {
    }

    /**
     * @param gains   per frame and channel, the normalisation's gain
     * @param wfwhm   per frame, the weighted FWHM ({@link WeightedFwhm})
     */
    static float[][] weights(Weighting weighting, List<SubMeasurement> frames, float[][] gains, double[] wfwhm) {
        int n = frames.size();
        int channels = n == 0 ? 0 : frames.get(0).channels();
        float[][] weights = new float[n][channels];
        for (int c = 0; c < channels; c++) {
            double[] raw = new double[n];
            double sum = 0;
            for (int f = 0; f < n; f++) {
                SubMeasurement m = frames.get(f);
                raw[f] = switch (weighting) {
                    case NONE -> 1;
                    case NOISE -> inverseSquare(gains[f][c] * m.levels()[c].noise());
                    case STAR_COUNT -> m.stars().count();
                    case WEIGHTED_FWHM -> inverseSquare(wfwhm[f]);
                };
                sum += raw[f];
            }
            for (int f = 0; f < n; f++) {
                // A set whose figures are all unusable (no noise measured) falls back to equal weights.
                weights[f][c] = sum > 0 && Double.isFinite(sum) ? (float) (raw[f] * n / sum) : 1f;
            }
        }
        return weights;
    }

    private static double inverseSquare(double value) {
        return value > 0 && Double.isFinite(value) ? 1 / (value * value) : 0;
    }
}
