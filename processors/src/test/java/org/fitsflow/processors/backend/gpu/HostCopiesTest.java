package org.fitsflow.processors.backend.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The copies through a staging buffer, on a direct buffer as page-locked memory is one; no device needed. */
class HostCopiesTest {
    /** Large enough to be split over the cores, with an odd length and offset so that ranges end unevenly. */
    private static final int COUNT = 300_001;
    private static final int FROM = 12_345;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(4 * COUNT).order(ByteOrder.nativeOrder());

    @Test
    void floatsGoInAndComeBackAtTheirOffset() {
        float[] source = new float[FROM + COUNT + 7];
        Random random = new Random(3);
        for (int i = 0; i < source.length; i++) {
            source[i] = random.nextFloat();
        }
        HostCopies.put(source, FROM, COUNT, buffer);
        assertThat(buffer.getFloat(0)).isEqualTo(source[FROM]);
        assertThat(buffer.getFloat(4 * (COUNT - 1))).isEqualTo(source[FROM + COUNT - 1]);

        float[] target = new float[source.length];
        HostCopies.get(buffer, target, FROM, COUNT);
        float[] expected = new float[source.length];
        System.arraycopy(source, FROM, expected, FROM, COUNT);
        assertThat(target).isEqualTo(expected);
    }

    @Test
    void shortsAndBytesComeBackAtTheirOffset() {
        short[] expectedShorts = new short[FROM + COUNT];
        for (int i = 0; i < COUNT; i++) {
            expectedShorts[FROM + i] = (short) (i * 7);
            buffer.putShort(2 * i, expectedShorts[FROM + i]);
        }
        short[] shorts = new short[FROM + COUNT];
        HostCopies.get(buffer, shorts, FROM, COUNT);
        assertThat(shorts).isEqualTo(expectedShorts);

        byte[] expectedBytes = new byte[FROM + COUNT];
        for (int i = 0; i < COUNT; i++) {
            expectedBytes[FROM + i] = (byte) (i * 13);
            buffer.put(i, expectedBytes[FROM + i]);
        }
        byte[] bytes = new byte[FROM + COUNT];
        HostCopies.get(buffer, bytes, FROM, COUNT);
        assertThat(bytes).isEqualTo(expectedBytes);
    }
}
