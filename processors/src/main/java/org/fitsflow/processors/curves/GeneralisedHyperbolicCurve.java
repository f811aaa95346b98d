package org.fitsflow.processors.curves;

/**
 * The generalised hyperbolic stretch (D. Payne and M. Cranfield, 2021) on [0, 1]. A base curve T(u) rises
 * from T(0) = 0 with slope D and flattens at a rate set by the local intensity b: logarithmic for b = -1,
 * an integral of the hyperbolic family for b &lt; 0, exponential for b = 0, hyperbolic (harmonic at b = 1)
 * for b &gt; 0; the larger b, the more the contrast gathers near the symmetry point SP. Above SP the curve
 * is T(x - SP), below it the point reflection -T(SP - x); below the shadow protection point LP and above the
 * highlight protection point HP it continues as the tangent line, so those ranges are only scaled, not
 * compressed. The whole is rescaled so that 0 and 1 stay put. Every piece rises, so the curve is
 * monotonic, and continuous with its slope at LP, SP and HP.
 *
 * <p>The stretch is given as ln(D + 1), as the GHS tools show it (0 to 10); at 0 the curve is the identity.
 */
public final class GeneralisedHyperbolicCurve {
    public static final double MAX_STRETCH = 10;
    public static final double MIN_LOCAL_INTENSITY = -5;
    public static final double MAX_LOCAL_INTENSITY = 15;

    private final double stretch;
    private final double d;
    private final double b;
    private final double symmetryPoint;
    private final double shadowProtection;
    private final double highlightProtection;
    private final double atZero;
    private final double scale;

    /**
     * @param stretch             ln(D + 1), 0 to {@link #MAX_STRETCH}
     * @param localIntensity      b, {@link #MIN_LOCAL_INTENSITY} to {@link #MAX_LOCAL_INTENSITY}
     * @param symmetryPoint       SP in [0, 1], where the contrast gain is largest
     * @param shadowProtection    LP in [0, SP]
     * @param highlightProtection HP in [SP, 1]
     */
    public GeneralisedHyperbolicCurve(double stretch, double localIntensity, double symmetryPoint,
                                      double shadowProtection, double highlightProtection) {
        if (!(stretch >= 0 && stretch <= MAX_STRETCH)) {
            throw new IllegalArgumentException("the GHS stretch ln(D + 1) must be in [0, " + MAX_STRETCH + "], got " + stretch);
        }
        if (!(localIntensity >= MIN_LOCAL_INTENSITY && localIntensity <= MAX_LOCAL_INTENSITY)) {
            throw new IllegalArgumentException("the GHS local intensity b must be in [" + MIN_LOCAL_INTENSITY + ", "
                    + MAX_LOCAL_INTENSITY + "], got " + localIntensity);
        }
        if (!(0 <= shadowProtection && shadowProtection <= symmetryPoint && symmetryPoint <= highlightProtection
                && highlightProtection <= 1)) {
            throw new IllegalArgumentException("the GHS points need 0 <= LP <= SP <= HP <= 1, got LP " + shadowProtection
                    + ", SP " + symmetryPoint + ", HP " + highlightProtection);
        }
        this.stretch = stretch;
        this.d = Math.expm1(stretch);
        this.b = localIntensity;
        this.symmetryPoint = symmetryPoint;
        this.shadowProtection = shadowProtection;
        this.highlightProtection = highlightProtection;
        this.atZero = unscaled(0);
        this.scale = d == 0 ? 1 : 1 / (unscaled(1) - atZero);
    }

    /**
     * The stretch that maps {@code x} to {@code target} with the other parameters given; 0 when x is already at
     * or above it, {@link #MAX_STRETCH} when the curve cannot lift it that far: a curve symmetric about SP = x
     * brings x to one half at most, and less for b &lt; -1, whose slope falls off so slowly that the far side
     * of SP keeps most of the range (at b = -2, about 0.09 for x = 0.01).
     */
    public static GeneralisedHyperbolicCurve landing(double x, double target, double localIntensity, double symmetryPoint,
                                                     double shadowProtection, double highlightProtection) {
        double stretch = CurveStrength.solve(
                s -> new GeneralisedHyperbolicCurve(s, localIntensity, symmetryPoint, shadowProtection, highlightProtection).apply(x),
                target, 0, MAX_STRETCH);
        return new GeneralisedHyperbolicCurve(stretch, localIntensity, symmetryPoint, shadowProtection, highlightProtection);
    }

    public double stretch() {
        return stretch;
    }

    /** y for x; x is clipped to [0, 1], NaN gives 0. */
    public double apply(double x) {
        if (!(x > 0)) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (d == 0) {
            return x;
        }
        return Math.min(1, Math.max(0, (unscaled(x) - atZero) * scale));
    }

    private double unscaled(double x) {
        if (x < shadowProtection) {
            double u = symmetryPoint - shadowProtection;
            return -base(u) - slope(u) * (shadowProtection - x);
        }
        if (x < symmetryPoint) {
            return -base(symmetryPoint - x);
        }
        if (x <= highlightProtection) {
            return base(x - symmetryPoint);
        }
        double u = highlightProtection - symmetryPoint;
        return base(u) + slope(u) * (x - highlightProtection);
    }

    /** T(u) for u >= 0, in expm1/log1p form so that a weak stretch (small D u) keeps its precision. */
    private double base(double u) {
        double z = d * u;
        if (b == 0) {
            return -Math.expm1(-z);
        }
        if (b == -1) {
            return Math.log1p(z);
        }
        if (b > 0) {
            // 1 - (1 + b z)^(-1/b)
            return -Math.expm1(-Math.log1p(b * z) / b);
        }
        // (1 - (1 - b z)^((b + 1) / b)) / (b + 1)
        return -Math.expm1((b + 1) / b * Math.log1p(-b * z)) / (b + 1);
    }

    /** T'(u) for u >= 0. */
    private double slope(double u) {
        double z = d * u;
        if (b == 0) {
            return d * Math.exp(-z);
        }
        if (b > 0) {
            // D (1 + b z)^(-(1 + b) / b)
            return d * Math.exp(-(1 + b) / b * Math.log1p(b * z));
        }
        // D (1 - b z)^(1 / b), which is D / (1 + z) at b = -1
        return d * Math.exp(Math.log1p(-b * z) / b);
    }

    @Override
    public String toString() {
        return "GeneralisedHyperbolicCurve[ln(D+1)=" + stretch + ", b=" + b + ", SP=" + symmetryPoint
                + ", LP=" + shadowProtection + ", HP=" + highlightProtection + "]";
    }
}
