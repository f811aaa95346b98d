package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SixteenBitLevelsTest {
    @Test
    void everyLevelIsFoundAndNothingElseIs() {
        for (int k = 0; k < SixteenBitLevels.COUNT; k++) {
            float level = SixteenBitLevels.value(k);
            assertThat(SixteenBitLevels.levelOf(level)).isEqualTo(k);
            if (k > 0) {
                assertThat(SixteenBitLevels.levelOf(Math.nextDown(level))).as("below level %d", k).isEqualTo(-1);
            }
            if (k < SixteenBitLevels.COUNT - 1) {
                assertThat(SixteenBitLevels.levelOf(Math.nextUp(level))).as("above level %d", k).isEqualTo(-1);
            }
        }
        assertThat(SixteenBitLevels.levelOf(Float.NaN)).isEqualTo(-1);
        assertThat(SixteenBitLevels.levelOf(-0.5f)).isEqualTo(-1);
        assertThat(SixteenBitLevels.levelOf(1.5f)).isEqualTo(-1);
        assertThat(SixteenBitLevels.levelOf(Float.POSITIVE_INFINITY)).isEqualTo(-1);
    }

    @Test
    void aPlaneIsMostlyLevelsWhenAtLeastThreeQuartersOfItsSamplesAre() {
        float[] plane = new float[100_000];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextInt(10) == 0 ? random.nextFloat() : SixteenBitLevels.value(random.nextInt(SixteenBitLevels.COUNT));
        }
        assertThat(SixteenBitLevels.mostlyLevels(plane)).isTrue();
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextBoolean() ? Float.NaN : plane[i];
        }
        assertThat(SixteenBitLevels.mostlyLevels(plane)).isFalse();
        assertThat(SixteenBitLevels.mostlyLevels(new float[0])).isFalse();
    }
}
