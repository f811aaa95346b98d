package org.fitsflow.processors.stacking.rejection;

/**
 * Quantiles of Student's t distribution, for the critical values of the GESD test: the distribution
 * function through the regularised incomplete beta function (continued fraction, modified Lentz), inverted
 * by bisection. Called once per stack size, so exactness matters more than speed.
 */
final class StudentT {
    private static final int BISECTIONS = 200;
    private static final int MAX_TERMS = 300;
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;

    private StudentT() {
    }

    /** The t with P(T <= t) = p for {@code dof} degrees of freedom, p in (0.5, 1). */
    static double quantile(double p, int dof) {
        if (!(p > 0.5 && p < 1) || dof < 1) {
            throw new IllegalArgumentException("need 0.5 < p < 1 and dof >= 1, got " + p + ", " + dof);
        }
        double lo = 0;
        double hi = 1;
        while (cdf(hi, dof) < p) {
            hi *= 2;
        }
        for (int i = 0; i < BISECTIONS && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, dof) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** P(T <= t) for t >= 0. */
    static double cdf(double t, int dof) {
        double x = dof / (dof + t * t);
        return 1 - 0.5 * regularisedBeta(x, dof / 2.0, 0.5);
    }

    private static double regularisedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        // The continued fraction converges fast below the mean; above it, use the symmetry I_x(a,b) = 1 - I_1-x(b,a).
        return x < (a + 1) / (a + b + 2) ? front * continuedFraction(x, a, b) / a
                : 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < TINY ? TINY : d);
        double h = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < EPSILON) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double v) {
        return Math.abs(v) < TINY ? TINY : v;
    }

    /** Lanczos approximation (g = 7, nine coefficients), relative error below 1e-14 for positive arguments. */
    private static double logGamma(double z) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double x = z - 1;
        double sum = c[0];
        for (int i = 1; i < c.length; i++) {
            sum += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
