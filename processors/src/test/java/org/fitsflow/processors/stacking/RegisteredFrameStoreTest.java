package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisteredFrameStoreTest {

    /**
     * The quantisation against Math.round clamped to 1..65535 (0 for NaN), the form it replaces: around every
     * tie between two levels (64 floats either side), on every 251st float of the whole range, negative, huge
     * and non-finite ones included, and on the special values. (Every one of the 2^32 floats was checked once;
     * too slow to repeat in each build.)
     */
    @Test
    void codesAreMathRoundClampedOnTiesAndAcrossAllFloats() {
        for (int level = 0; level <= 65536; level++) {
            int tie = Float.floatToIntBits((float) ((level + 0.5) / 65535.0));
            for (int bits = tie - 64; bits <= tie + 64; bits++) {
                assertSameCode(Float.intBitsToFloat(bits));
            }
        }
        for (long bits = 0; bits <= 0xffffffffL; bits += 251) {
            assertSameCode(Float.intBitsToFloat((int) bits));
        }
        for (float v : new float[] {0f, -0f, 1f, -1f, 0.5f / 65535, Math.nextDown(0.5f / 65535), 0.49999997f,
            Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN}) {
            assertSameCode(v);
        }
    }

    @Test
    void rowsReadBackAsTheirCodesWithNoDataForNaN(@TempDir Path directory) throws IOException {
        int width = 5;
        try (RegisteredFrameStore store = new RegisteredFrameStore(directory, 2, width, 3)) {
            float[] values = {0f, 1f, 0.5f, Float.NaN, -0.2f, 1.7f, 1e-6f, 0.25f, 0.75f, 0.1f};
            ByteBuffer buffer = store.buffer(2);
            store.writeRows(1, 0, 1, 2, values, buffer);
            short[] codes = new short[2 * width];
            store.readRows(1, 0, 1, 2, buffer, codes);
            short[] expected = {1, (short) 65535, (short) 32768, 0, 1, (short) 65535, 1, 16384, (short) 49151, 6554};
            assertThat(codes).containsExactly(expected);
            assertThat(RegisteredFrameStore.value(codes[3])).isNaN();
            assertThat(RegisteredFrameStore.value(codes[1])).isEqualTo(1f);
        }
    }

    private static void assertSameCode(float v) {
        short expected = v == v ? (short) Math.max(1, Math.min(65535, Math.round(v * 65535f))) : 0;
        assertThat(RegisteredFrameStore.code(v)).as("code of %s", v).isEqualTo(expected);
    }
}
