package org.fitsflow.processors.stacking;

/**
 * The gain and offset that bring a sub's channel to the reference's: additive with scale maps the sub's
 * location and scale onto the reference's (v' = (v - loc) x refScale / scale + refLoc), additive only moves
 * the location, none leaves the values as they are. The master therefore stays in the reference's levels.
 */
final class FrameNormaliser {
    private FrameNormaliser() {
    }

    static float[][] gainAndOffset(Normalisation normalisation, ChannelLevels[] sub, ChannelLevels[] reference) {
        int channels = sub.length;
        float[] gain = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            double a = 1;
            double b = 0;
            if (normalisation == Normalisation.ADDITIVE_SCALE && sub[c].scale() > 0 && reference[c].scale() > 0) {
                a = reference[c].scale() / sub[c].scale();
                b = reference[c].location() - a * sub[c].location();
            } else if (normalisation != Normalisation.NONE) {
                b = reference[c].location() - sub[c].location();
            }
            gain[c] = (float) a;
            offset[c] = (float) b;
        }
        return new float[][] {gain, offset};
    }
}
