package org.fitsflow.processors.curves;

import java.util.function.DoubleUnaryOperator;

/**
 * The strength at which a curve maps a given value to a target level, for curves whose output at that value
 * rises with their strength: bisection, so that no derivative is needed and the answer stays within the
 * bounds. This is how the auto-stretches put the sky's median on the target background.
 */
public final class CurveStrength {
    // halves the bracket to below 1e-15 of its width: beyond what a float pixel can show
    private static final int ITERATIONS = 60;

    private CurveStrength() {
    }

    /**
     * @param valueAt the curve's output at the value, as a function of the strength; non-decreasing
     * @return the strength in [low, high] at which valueAt reaches target; low or high when it is out of reach
     */
    public static double solve(DoubleUnaryOperator valueAt, double target, double low, double high) {
        if (valueAt.applyAsDouble(low) >= target) {
            return low;
        }
        if (valueAt.applyAsDouble(high) <= target) {
            return high;
        }
        for (int i = 0; i < ITERATIONS; i++) {
            double middle = 0.5 * (low + high);
            if (valueAt.applyAsDouble(middle) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }
}
