package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantizerTest {

    @Test
    void roundsHalfUpToEightBitLevels() {
        float[] plane = {0f, 0.5f / 255f, 0.49f / 255f, 127.5f / 255f, 1f};
        byte[] bytes = Quantizer.toBytes8(plane);
        assertThat(bytes).containsExactly(0, 1, 0, (byte) 128, (byte) 255);
    }

    @Test
    void clampsOutOfRangeAndNonFiniteSamples() {
        float[] plane = {-0.2f, 1.7f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        assertThat(Quantizer.toBytes8(plane)).containsExactly(0, (byte) 255, 0, (byte) 255, 0);
        assertThat(Quantizer.toShorts16(plane)).containsExactly((short) 0, (short) 65535, (short) 0, (short) 65535, (short) 0);
    }

    @Test
    void sixteenBitLevelsRoundTripSixteenBitInput() {
        float[] plane = new float[65536];
        for (int level = 0; level <= 65535; level++) {
            plane[level] = (float) (level / 65535.0);
        }
        short[] shorts = Quantizer.toShorts16(plane);
        for (int level = 0; level <= 65535; level++) {
            assertThat(shorts[level] & 0xFFFF).isEqualTo(level);
        }
        assertThat(Quantizer.level16(0.5f)).isEqualTo(32768);
        assertThat(Quantizer.level8(0.5f)).isEqualTo(128);
    }
}
