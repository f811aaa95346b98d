package org.fitsflow.processors.curves;

/**
 * The inverse hyperbolic sine stretch y = asinh(beta x) / asinh(beta) on [0, 1]: linear for faint values
 * (slope beta / asinh(beta)) and logarithmic for bright ones, so that faint sky is lifted while star cores
 * keep their differences. beta = 0 is the identity, its limit. {@link #gain} gives the factor of the
 * colour-preserving form, which scales all channels of a pixel alike by the stretch of their mean.
 */
public record AsinhCurve(double beta) {
    /** The largest stretch factor accepted; far beyond what a frame needs (1 to 1000 are usual). */
    public static final double MAX_BETA = 1e6;

    public AsinhCurve {
        if (!(beta >= 0 && beta <= MAX_BETA)) {
            throw new IllegalArgumentException("the asinh stretch factor must be in [0, " + MAX_BETA + "], got " + beta);
        }
    }

    /** y for x; x is clipped to [0, 1], NaN gives 0. */
    public double apply(double x) {
        if (!(x > 0)) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return beta == 0 ? x : asinh(beta * x) / asinh(beta);
    }

    /**
     * apply(intensity) / intensity for an intensity in (0, 1]: the factor that stretches a pixel of this mean
     * intensity and keeps its hue; 0 for a black pixel.
     */
    public double gain(double intensity) {
        return intensity > 0 ? apply(intensity) / intensity : 0;
    }

    /**
     * The stretch factor that maps {@code x} to {@code target}: 0 (no stretch) when x is already at or above
     * it, {@link #MAX_BETA} when not even that reaches it (x at the black point).
     */
    public static AsinhCurve landing(double x, double target) {
        if (x >= target) {
            return new AsinhCurve(0);
        }
        // searched on log(beta): the useful factors span six decades
        double logMax = Math.log(MAX_BETA);
        double logBeta = CurveStrength.solve(s -> new AsinhCurve(Math.min(MAX_BETA, Math.exp(s))).apply(x), target,
                Math.log(1e-3), logMax);
        return new AsinhCurve(logBeta >= logMax ? MAX_BETA : Math.exp(logBeta));
    }

    /** asinh(z) for z >= 0, accurate near 0 (the JDK has no asinh). */
    static double asinh(double z) {
        return Math.log1p(z + z * z / (1 + Math.sqrt(1 + z * z)));
    }
}
