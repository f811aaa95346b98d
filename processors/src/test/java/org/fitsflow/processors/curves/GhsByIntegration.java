package org.fitsflow.processors.curves;

/**
 * The generalised hyperbolic stretch computed the long way, independently of the closed forms: the curve's
 * slope as the GHS papers define it (dT/du = D (1 + b D u)^(-(1 + b) / b) for b &gt; 0, D e^(-D u) at b = 0,
 * D (1 - b D u)^(1 / b) for b &lt; 0), mirrored
 * below SP and held constant beyond LP and HP, integrated numerically by Simpson's rule from 0 to x and
 * divided by its integral over [0, 1].
 */
final class GhsByIntegration {
    private static final int STEPS_PER_PIECE = 20_000;

    private final double d;
    private final double b;
    private final double sp;
    private final double lp;
    private final double hp;

    GhsByIntegration(double stretch, double b, double sp, double lp, double hp) {
        this.d = Math.exp(stretch) - 1;
        this.b = b;
        this.sp = sp;
        this.lp = lp;
        this.hp = hp;
    }

    double apply(double x) {
        return integral(0, x) / integral(0, 1);
    }

    private double slope(double x) {
        double u;
        if (x < lp) {
            u = sp - lp;
        } else if (x < sp) {
            u = sp - x;
        } else if (x <= hp) {
            u = x - sp;
        } else {
            u = hp - sp;
        }
        if (b == 0) {
            return d * Math.exp(-d * u);
        }
        if (b < 0) {
            return d * Math.pow(1 - b * d * u, 1 / b);
        }
        return d * Math.pow(1 + b * d * u, -(1 + b) / b);
    }

    /** Simpson's rule on each piece between the kinks at LP, SP and HP, where the slope is smooth. */
    private double integral(double from, double to) {
        double total = 0;
        double[] kinks = {lp, sp, hp};
        double start = from;
        for (double kink : kinks) {
            if (kink > start && kink < to) {
                total += simpson(start, kink);
                start = kink;
            }
        }
        return total + simpson(start, to);
    }

    private double simpson(double from, double to) {
        if (to <= from) {
            return 0;
        }
        double h = (to - from) / STEPS_PER_PIECE;
        double sum = slope(from) + slope(to);
        for (int i = 1; i < STEPS_PER_PIECE; i++) {
            sum += slope(from + i * h) * (i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }
}
