package org.fitsflow.processors.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GHS curve against two independent computations: the published closed forms written out plainly with
 * pow, exp and log (within 1e-9), and the numerical integral of the curve's slope (within 1e-7, Simpson's
 * error at 20,000 steps per piece for stretches up to ln(D + 1) = 5).
 */
class GeneralisedHyperbolicCurveTest {

    @ParameterizedTest(name = "ln(D+1) {0}, b {1}, SP {2}, LP {3}, HP {4}")
    @CsvSource({
            "1.0, 0, 0.2, 0, 1",
            "3.0, 0, 0.05, 0.01, 0.8",
            "5.0, 2, 0.1, 0, 1",
            "4.0, 6, 0.3, 0.1, 0.6",
            "2.0, -0.5, 0.5, 0.2, 0.9",
            "3.0, -1, 0.25, 0, 1",
            "4.0, -3, 0.4, 0.3, 0.5",
            "5.0, 13, 0.01, 0, 0.7",
            "0.5, 1, 0, 0, 1",
            "2.5, 1, 1, 0.5, 1",
    })
    void matchesTheIntegralOfItsSlope(double stretch, double b, double sp, double lp, double hp) {
        GeneralisedHyperbolicCurve curve = new GeneralisedHyperbolicCurve(stretch, b, sp, lp, hp);
        GhsByIntegration integrated = new GhsByIntegration(stretch, b, sp, lp, hp);
        for (double x = 0; x <= 1; x += 0.0625) {
            assertThat(curve.apply(x)).as("x = %s", x).isCloseTo(integrated.apply(x), offset(1e-7));
        }
    }

    @ParameterizedTest(name = "ln(D+1) {0}, b {1}")
    @CsvSource({"0.001, 0", "1, 0", "10, 0", "0.001, 3", "8, 3", "10, 15", "2, -1", "10, -1", "6, -0.25", "9, -5"})
    void matchesThePublishedClosedFormsFromFaintToStrongStretches(double stretch, double b) {
        double sp = 0.08;
        double lp = 0.02;
        double hp = 0.9;
        GeneralisedHyperbolicCurve curve = new GeneralisedHyperbolicCurve(stretch, b, sp, lp, hp);
        for (int i = 0; i <= 1000; i++) {
            double x = i / 1000.0;
            assertThat(curve.apply(x)).as("x = %s", x).isCloseTo(closedForm(x, stretch, b, sp, lp, hp), offset(1e-9));
        }
    }

    @Test
    void aStretchOfZeroIsTheIdentity() {
        GeneralisedHyperbolicCurve curve = new GeneralisedHyperbolicCurve(0, 4, 0.3, 0.1, 0.8);
        for (int i = 0; i <= 100; i++) {
            assertThat(curve.apply(i / 100.0)).isEqualTo(i / 100.0);
        }
    }

    @Test
    void risesMonotonicallyFromZeroToOneForRandomParameters() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double sp = random.nextDouble();
            double lp = sp * random.nextDouble();
            double hp = sp + (1 - sp) * random.nextDouble();
            double b = -5 + 20 * random.nextDouble();
            GeneralisedHyperbolicCurve curve = new GeneralisedHyperbolicCurve(10 * random.nextDouble(), b, sp, lp, hp);
            double previous = 0;
            assertThat(curve.apply(0)).isZero();
            assertThat(curve.apply(1)).isEqualTo(1);
            for (int i = 1; i <= 4000; i++) {
                double y = curve.apply(i / 4000.0);
                assertThat(y).as("%s at %s", curve, i / 4000.0).isBetween(previous, 1.0);
                previous = y;
            }
        }
    }

    @Test
    void isAStraightLineBelowShadowProtectionAndAboveHighlightProtection() {
        GeneralisedHyperbolicCurve curve = new GeneralisedHyperbolicCurve(4, 2, 0.3, 0.2, 0.5);
        double lowStep = curve.apply(0.1) - curve.apply(0.0);
        double highStep = curve.apply(0.8) - curve.apply(0.7);
        assertThat(curve.apply(0.2) - curve.apply(0.1)).isCloseTo(lowStep, offset(1e-12));
        assertThat(curve.apply(0.9) - curve.apply(0.8)).isCloseTo(highStep, offset(1e-12));
        // and it bends in between: steeper at SP than along either line
        double slopeAtSp = (curve.apply(0.301) - curve.apply(0.3)) / 0.001;
        assertThat(slopeAtSp).isGreaterThan(2 * lowStep / 0.1).isGreaterThan(2 * highStep / 0.1);
    }

    @Test
    void landingPutsTheValueOnTheTargetOrStopsAtTheBounds() {
        for (double b : new double[] {-1, 0, 6, 15}) {
            GeneralisedHyperbolicCurve landed = GeneralisedHyperbolicCurve.landing(0.01, 0.25, b, 0.01, 0, 1);
            assertThat(landed.apply(0.01)).as("b = %s", b).isCloseTo(0.25, offset(1e-9));
        }
        assertThat(GeneralisedHyperbolicCurve.landing(0.4, 0.25, 0, 0.4, 0, 1).stretch()).isZero();
        // symmetric about SP = x, the curve cannot lift x past one half; for b < -1 not even that far
        assertThat(GeneralisedHyperbolicCurve.landing(0.01, 0.9, 0, 0.01, 0, 1).stretch())
                .isEqualTo(GeneralisedHyperbolicCurve.MAX_STRETCH);
        GeneralisedHyperbolicCurve slowest = GeneralisedHyperbolicCurve.landing(0.01, 0.25, -2, 0.01, 0, 1);
        assertThat(slowest.stretch()).isEqualTo(GeneralisedHyperbolicCurve.MAX_STRETCH);
        assertThat(slowest.apply(0.01)).isBetween(0.08, 0.1);
    }

    @Test
    void nonFiniteAndOutOfRangeInputsAreClipped() {
        GeneralisedHyperbolicCurve curve = new GeneralisedHyperbolicCurve(3, 1, 0.2, 0, 1);
        assertThat(curve.apply(Double.NaN)).isZero();
        assertThat(curve.apply(-0.5)).isZero();
        assertThat(curve.apply(1.5)).isEqualTo(1);
    }

    @Test
    void refusesParametersOutsideTheirRanges() {
        assertThatThrownBy(() -> new GeneralisedHyperbolicCurve(11, 0, 0.5, 0, 1)).hasMessageContaining("ln(D + 1)");
        assertThatThrownBy(() -> new GeneralisedHyperbolicCurve(1, 16, 0.5, 0, 1)).hasMessageContaining("local intensity");
        assertThatThrownBy(() -> new GeneralisedHyperbolicCurve(1, 0, 0.5, 0.6, 1)).hasMessageContaining("LP <= SP <= HP");
    }

    /** The published equations, each family written out with pow, exp and log, then normalised over [0, 1]. */
    private static double closedForm(double x, double stretch, double b, double sp, double lp, double hp) {
        double d = Math.exp(stretch) - 1;
        double y0 = piecewise(0, d, b, sp, lp, hp);
        double y1 = piecewise(1, d, b, sp, lp, hp);
        return (piecewise(x, d, b, sp, lp, hp) - y0) / (y1 - y0);
    }

    private static double piecewise(double x, double d, double b, double sp, double lp, double hp) {
        if (x < lp) {
            return -t(sp - lp, d, b) + dt(sp - lp, d, b) * (x - lp);
        }
        if (x < sp) {
            return -t(sp - x, d, b);
        }
        if (x <= hp) {
            return t(x - sp, d, b);
        }
        return t(hp - sp, d, b) + dt(hp - sp, d, b) * (x - hp);
    }

    private static double t(double u, double d, double b) {
        if (b == -1) {
            return Math.log(1 + d * u);
        }
        if (b < 0) {
            return (1 - Math.pow(1 - b * d * u, (b + 1) / b)) / (b + 1);
        }
        if (b == 0) {
            return 1 - Math.exp(-d * u);
        }
        return 1 - Math.pow(1 + b * d * u, -1 / b);
    }

    private static double dt(double u, double d, double b) {
        if (b == -1) {
            return d / (1 + d * u);
        }
        if (b < 0) {
            return d * Math.pow(1 - b * d * u, 1 / b);
        }
        if (b == 0) {
            return d * Math.exp(-d * u);
        }
        return d * Math.pow(1 + b * d * u, -(1 + b) / b);
    }
}
