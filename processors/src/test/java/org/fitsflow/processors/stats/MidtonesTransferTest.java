package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class MidtonesTransferTest {

    @Test
    void fixesTheEndsAndMapsMToOneHalf() {
        for (double m : new double[] {0.001, 0.1, 0.25, 0.5, 0.9}) {
            assertThat(MidtonesTransfer.apply(m, 0)).isZero();
            assertThat(MidtonesTransfer.apply(m, 1)).isEqualTo(1);
            assertThat(MidtonesTransfer.apply(m, m)).isCloseTo(0.5, offset(1e-12));
        }
    }

    @Test
    void oneHalfIsTheIdentity() {
        for (double x = 0; x <= 1; x += 0.0625) {
            assertThat(MidtonesTransfer.apply(0.5, x)).isEqualTo(x);
        }
    }

    @Test
    void clipsItsArgumentAndHandlesTheEndsOfM() {
        assertThat(MidtonesTransfer.apply(0.2, -3)).isZero();
        assertThat(MidtonesTransfer.apply(0.2, 7)).isEqualTo(1);
        assertThat(MidtonesTransfer.apply(0.2, Double.NaN)).isZero();
        assertThat(MidtonesTransfer.apply(0, 0.01)).isEqualTo(1);
        assertThat(MidtonesTransfer.apply(1, 0.99)).isZero();
    }

    @Test
    void balanceForATargetMapsTheBackgroundToThatTarget() {
        // the auto-stretch picks m = MTF(target, background); then MTF(m, background) = target
        double background = 0.0123;
        double m = MidtonesTransfer.apply(0.25, background);
        assertThat(MidtonesTransfer.apply(m, background)).isCloseTo(0.25, offset(1e-12));
    }
}
