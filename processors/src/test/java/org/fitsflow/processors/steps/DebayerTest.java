package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.testdata.ReferenceData;
import org.junit.jupiter.api.Test;

class DebayerTest {
    private final StepContext context = new StepContext(new CpuBackend());

    @Test
    void turnsARawSubIntoThreePlanes() {
        Image mosaic = ReferenceData.image(ReferenceData.M94_SUB);
        float[] raw = mosaic.plane(0).clone();

        Image colour = new Debayer().apply(mosaic, context);

        assertThat(colour.channels()).isEqualTo(3);
        assertThat(colour.width()).isEqualTo(1080);
        assertThat(colour.height()).isEqualTo(1920);
        assertThat(colour.header().summary().planes()).isEqualTo(3);
        assertThat(colour.header().summary().isRawMosaic()).isFalse();
        // GRBG: (0, 0) is green, (0, 1) red, (1, 0) blue; each keeps its own sample
        assertThat(colour.plane(1)[0]).isEqualTo(raw[0]);
        assertThat(colour.plane(0)[1]).isEqualTo(raw[1]);
        assertThat(colour.plane(2)[1080]).isEqualTo(raw[1080]);
    }

    @Test
    void leavesColourFramesAlone() {
        Image frame = ReferenceData.image(ReferenceData.SYNTHETIC_FRAME);

        assertThat(new Debayer().apply(frame, context)).isSameAs(frame);
    }
}
