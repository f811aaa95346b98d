package org.fitsflow.processors.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The asinh curve against the textbook asinh(z) = ln(z + sqrt(z^2 + 1)), evaluated in double (within 1e-12). */
class AsinhCurveTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 10, 500, 20_000, 1e6})
    void matchesTheTextbookFormula(double beta) {
        AsinhCurve curve = new AsinhCurve(beta);
        for (int i = 0; i <= 1000; i++) {
            double x = i / 1000.0;
            double expected = textbookAsinh(beta * x) / textbookAsinh(beta);
            assertThat(curve.apply(x)).as("x = %s", x).isCloseTo(expected, offset(1e-12));
        }
    }

    @Test
    void aFactorOfZeroIsTheIdentityAndItsLimit() {
        AsinhCurve identity = new AsinhCurve(0);
        AsinhCurve faint = new AsinhCurve(1e-6);
        for (int i = 0; i <= 100; i++) {
            double x = i / 100.0;
            assertThat(identity.apply(x)).isEqualTo(x);
            assertThat(faint.apply(x)).isCloseTo(x, offset(1e-9));
        }
    }

    @Test
    void risesMonotonicallyWithinZeroAndOne() {
        AsinhCurve curve = new AsinhCurve(3000);
        double previous = 0;
        for (int i = 0; i <= 100_000; i++) {
            double y = curve.apply(i / 100_000.0);
            assertThat(y).isBetween(previous, 1.0);
            previous = y;
        }
        assertThat(curve.apply(1)).isEqualTo(1);
        assertThat(curve.apply(Double.NaN)).isZero();
        assertThat(curve.apply(2)).isEqualTo(1);
    }

    @Test
    void theGainTimesTheIntensityIsTheCurve() {
        AsinhCurve curve = new AsinhCurve(250);
        for (double intensity : new double[] {1e-6, 0.003, 0.2, 1}) {
            assertThat(curve.gain(intensity) * intensity).isCloseTo(curve.apply(intensity), offset(1e-15));
        }
        assertThat(curve.gain(0)).isZero();
    }

    @Test
    void landingPutsTheValueOnTheTarget() {
        for (double x : new double[] {1e-4, 0.005, 0.1}) {
            assertThat(AsinhCurve.landing(x, 0.25).apply(x)).as("x = %s", x).isCloseTo(0.25, offset(1e-9));
        }
        assertThat(AsinhCurve.landing(0.3, 0.25).beta()).isZero();
        assertThat(AsinhCurve.landing(0, 0.25).beta()).isEqualTo(AsinhCurve.MAX_BETA);
    }

    @Test
    void refusesANegativeOrHugeFactor() {
        assertThatThrownBy(() -> new AsinhCurve(-1)).hasMessageContaining("asinh stretch factor");
        assertThatThrownBy(() -> new AsinhCurve(1e7)).hasMessageContaining("asinh stretch factor");
    }

    private static double textbookAsinh(double z) {
        return Math.log(z + Math.sqrt(z * z + 1));
    }
}
