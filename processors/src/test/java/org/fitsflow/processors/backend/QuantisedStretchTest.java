package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.fitsflow.processors.export.Quantizer;
import org.junit.jupiter.api.Test;

/** The fused stretch-and-quantise operations equal stretching a copy and quantising it, and keep the plane. */
class QuantisedStretchTest {
    private final CpuBackend backend = new CpuBackend();

    @Test
    void eightAndSixteenBitOutputsEqualStretchThenQuantise() {
        Random random = new Random(11);
        // more than one chunk, and a partial last chunk
        float[] plane = new float[(1 << 20) * 2 + 1234];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = i % 1000 == 0 ? Float.NaN : (float) Math.abs(0.02 + 0.01 * random.nextGaussian());
        }
        float[] original = plane.clone();
        float[] stretched = plane.clone();
        backend.stretch(stretched, 0.012, 0.004);

        byte[] bytes = backend.stretchTo8Bit(plane, 0.012, 0.004);
        short[] shorts = backend.stretchTo16Bit(plane, 0.012, 0.004);

        assertThat(bytes).isEqualTo(Quantizer.toBytes8(stretched));
        assertThat(shorts).isEqualTo(Quantizer.toShorts16(stretched));
        assertThat(plane).as("the plane is left unchanged").isEqualTo(original);
    }
}
