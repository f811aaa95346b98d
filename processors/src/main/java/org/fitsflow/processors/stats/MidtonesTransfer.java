package org.fitsflow.processors.stats;

/**
 * The midtones transfer function of PixInsight's screen transfer function:
 * MTF(m, x) = (m - 1) x / ((2m - 1) x - m) for x in [0, 1], with MTF(m, 0) = 0, MTF(m, 1) = 1 and
 * MTF(m, m) = 0.5. It is its own inverse in the sense that MTF(MTF(t, x), x) = t, which is how the
 * auto-stretch finds the m that maps the background to a target level.
 */
public final class MidtonesTransfer {
    private MidtonesTransfer() {
    }

    /** MTF(m, x) for m in [0, 1]; x is clipped to [0, 1]. */
    public static double apply(double m, double x) {
        if (!(x > 0)) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (m == 0.5) {
            return x;
        }
        // the limits of the formula at the ends of m's range: a step at 0 (m = 0) or at 1 (m = 1)
        if (m <= 0) {
            return 1;
        }
        if (m >= 1) {
            return 0;
        }
        return (m - 1) * x / ((2 * m - 1) * x - m);
    }
}
