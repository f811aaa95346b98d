package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fitsflow.processors.analysis.SyntheticSky;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.StepRegistry;
import org.fitsflow.processors.pipeline.StepSpec;
import org.junit.jupiter.api.Test;

/** Property tests of background neutralisation and SCNR on random colour frames. */
class ColourBalanceTest {
    private static final int W = 400;
    private static final int H = 300;
    private final StepContext context = new StepContext(new CpuBackend());

    @Test
    void neutralisationEqualisesSkyBackgroundsAndOnlyShiftsChannels() {
        double[] skies = {0.11, 0.14, 0.09};
        var stars = SyntheticSky.starGrid(W, H, 30, 0.05, 0.3, 1.2, 21);
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            planes[c] = SyntheticSky.plane(W, H, skies[c], 0.003, stars, 22 + c);
        }
        float[][] original = {planes[0].clone(), planes[1].clone(), planes[2].clone()};

        Image out = new BackgroundNeutralization().apply(SyntheticSky.image(W, H, planes), context);

        double[] after = new double[3];
        for (int c = 0; c < 3; c++) {
            after[c] = BackgroundNeutralization.skyBackground(out.plane(c));
        }
        assertThat(after[0]).isCloseTo(after[1], within(2e-4));
        assertThat(after[2]).isCloseTo(after[1], within(2e-4));
        // The mean sky level stays: (0.11 + 0.14 + 0.09) / 3.
        assertThat((after[0] + after[1] + after[2]) / 3).isCloseTo(0.1133, within(5e-4));
        for (int c = 0; c < 3; c++) {
            float offset = out.plane(c)[0] - original[c][0];
            for (int i = 0; i < W * H; i += 97) {
                assertThat(out.plane(c)[i] - original[c][i]).isCloseTo(offset, within(1e-6f));
            }
        }
        assertThat(context.measurements()).containsKey("background_neutralization_offsets");
    }

    @Test
    void scnrNeverRaisesGreenAndLeavesRedBlueAndGreyUntouched() {
        Random random = new Random(31);
        float[][] planes = new float[3][W * H];
        for (int i = 0; i < W * H; i++) {
            for (int c = 0; c < 3; c++) {
                planes[c][i] = random.nextFloat();
            }
        }
        planes[0][5] = 0.4f;
        planes[1][5] = 0.4f;
        planes[2][5] = 0.4f;
        float[][] original = {planes[0].clone(), planes[1].clone(), planes[2].clone()};

        new Scnr(ScnrParameters.DEFAULTS).apply(SyntheticSky.image(W, H, planes), context);

        for (int i = 0; i < W * H; i++) {
            float neutral = (original[0][i] + original[2][i]) / 2;
            assertThat(planes[0][i]).isEqualTo(original[0][i]);
            assertThat(planes[2][i]).isEqualTo(original[2][i]);
            assertThat(planes[1][i]).isLessThanOrEqualTo(original[1][i]);
            assertThat(planes[1][i]).isCloseTo(Math.min(original[1][i], neutral), within(1e-6f));
        }
        assertThat(planes[1][5]).isEqualTo(0.4f);
    }

    @Test
    void scnrAmountBlendsLinearlyAndZeroIsIdentity() {
        float[][] half = {{0.2f, 0.5f}, {0.8f, 0.3f}, {0.4f, 0.1f}};
        new Scnr(new ScnrParameters(0.5, ScnrMethod.AVERAGE_NEUTRAL)).apply(SyntheticSky.image(2, 1, half), context);
        // Pixel 0: neutral 0.3, G 0.8 -> 0.5 * 0.8 + 0.5 * 0.3; pixel 1: G 0.3 = neutral 0.3, unchanged.
        assertThat(half[1][0]).isCloseTo(0.55f, within(1e-6f));
        assertThat(half[1][1]).isCloseTo(0.3f, within(1e-6f));

        float[][] none = {{0.2f}, {0.8f}, {0.4f}};
        new Scnr(new ScnrParameters(0, ScnrMethod.AVERAGE_NEUTRAL)).apply(SyntheticSky.image(1, 1, none), context);
        assertThat(none[1][0]).isEqualTo(0.8f);

        float[][] maximum = {{0.2f}, {0.8f}, {0.4f}};
        new Scnr(new ScnrParameters(1, ScnrMethod.MAXIMUM_NEUTRAL)).apply(SyntheticSky.image(1, 1, maximum), context);
        assertThat(maximum[1][0]).isEqualTo(0.4f);
    }

    @Test
    void monoImagesPassUnchanged() {
        float[] plane = {0.1f, 0.7f, 0.3f};
        Image mono = SyntheticSky.image(3, 1, new float[][] {plane.clone()});
        new Scnr(ScnrParameters.DEFAULTS).apply(mono, context);
        new BackgroundNeutralization().apply(mono, context);
        assertThat(mono.plane(0)).containsExactly(plane);
    }

    @Test
    void yamlParametersAreChecked() {
        StepRegistry registry = StepRegistry.standard();
        assertThat(registry.create(new StepSpec("scnr", Map.of("amount", 0.8, "method", "maximum_neutral")))).isInstanceOf(Scnr.class);
        assertThat(registry.create(new StepSpec("background_neutralization", Map.of()))).isInstanceOf(BackgroundNeutralization.class);
        assertThat(List.of("scnr", "background_neutralization", "background_extraction", "star_detection"))
                .allMatch(registry.types()::contains);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.create(new StepSpec("scnr", Map.of("amount", 1.5))))
                .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("amount must be between 0 and 1, got 1.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.create(new StepSpec("background_neutralization", Map.of("x", 1))))
                .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("unknown parameter 'x'");
    }
}
