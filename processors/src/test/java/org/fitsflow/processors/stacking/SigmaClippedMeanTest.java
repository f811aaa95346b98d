package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SigmaClippedMeanTest {
    private final SigmaClippedMean combiner = new SigmaClippedMean(2.5, 3);

    @Test
    void rejectsASatelliteTrailAndAveragesTheRest() {
        float[] values = {0.10f, 0.11f, 0.09f, 0.10f, 0.105f, 0.095f, 0.10f, 0.90f};
        assertThat(combiner.combine(values, values.length)).isCloseTo(0.100f, within(1e-4f));
    }

    @Test
    void averagesWhenNothingIsOutlying() {
        float[] values = {0.1f, 0.2f, 0.3f};
        assertThat(combiner.combine(values, 3)).isCloseTo(0.2f, within(1e-6f));
    }

    @Test
    void ignoresPixelsOutsideAFrameAndGivesNanWhenNoneCovers() {
        float[] values = {Float.NaN, 0.4f, Float.NaN, 0.2f};
        assertThat(combiner.combine(values, 4)).isCloseTo(0.3f, within(1e-6f));
        float[] none = {Float.NaN, Float.NaN};
        assertThat(combiner.combine(none, 2)).isNaN();
    }
}
