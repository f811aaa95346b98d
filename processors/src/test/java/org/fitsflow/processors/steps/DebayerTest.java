package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.PipelineLoader;
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
    void debayersWithRcdWhenThePipelineAsksForIt() {
        Image mosaic = ReferenceData.image(ReferenceData.M94_SUB);
        float[][] expected = new CpuBackend().debayer(mosaic.plane(0), mosaic.width(), mosaic.height(), "GRBG",
                DebayerMethod.RCD);

        Image colour = new Debayer(DebayerMethod.RCD).apply(mosaic, context);

        for (int c = 0; c < 3; c++) {
            assertThat(colour.plane(c)).isEqualTo(expected[c]);
        }
    }

    @Test
    void debayerStepTakesOnlyAMethodAndNamesTheChoices() {
        PipelineLoader loader = new PipelineLoader();
        String pipeline = "name: q\nsteps:\n  - step: debayer\n    %s\nexports:\n  - format: jpeg\n";

        assertThat(loader.parse(pipeline.formatted("method: RCD")).steps()).hasSize(1);
        assertThatThrownBy(() -> loader.parse(pipeline.formatted("method: vng")))
                .hasMessage("step 1: method must be one of rcd, bilinear, got 'vng'");
        assertThatThrownBy(() -> loader.parse(pipeline.formatted("pattern: RGGB")))
                .hasMessage("step 1: unknown parameter 'pattern' for debayer; known: method");
    }

    @Test
    void leavesColourFramesAlone() {
        Image frame = ReferenceData.image(ReferenceData.SYNTHETIC_FRAME);

        assertThat(new Debayer().apply(frame, context)).isSameAs(frame);
    }
}
