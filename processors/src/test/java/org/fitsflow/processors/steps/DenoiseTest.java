package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.analysis.SyntheticSky;
import org.fitsflow.processors.analysis.SyntheticSky.PlantedStar;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.StepRegistry;
import org.fitsflow.processors.pipeline.StepSpec;
import org.junit.jupiter.api.Test;

class DenoiseTest {
    private static final int W = 512;
    private static final int H = 384;
    private static final double SKY = 0.05;
    private static final double NOISE = 0.004;
    private static final double SIGMA = 1.2;

    @Test
    void lowersSkyNoiseAtLeastTwofoldAndKeepsBrightStarFluxes() {
        List<PlantedStar> stars = SyntheticSky.starGrid(W, H, 48, 0.1, 0.6, SIGMA, 61);
        float[] plane = SyntheticSky.plane(W, H, SKY, NOISE, stars, 62);
        double noiseBefore = skyNoise(plane);
        double[] fluxBefore = stars.stream().mapToDouble(s -> aperture(plane, s)).toArray();

        new Denoise(DenoiseParameters.DEFAULTS).apply(SyntheticSky.image(W, H, new float[][] {plane}),
                new StepContext(new CpuBackend()));

        assertThat(noiseBefore).isCloseTo(NOISE, within(0.0003));
        assertThat(noiseBefore / skyNoise(plane)).isGreaterThanOrEqualTo(2.0);
        // Per star, the change is bounded by the noise the aperture held (81 pixels of sigma NOISE), and
        // over all stars it averages out: no systematic loss or gain of flux.
        double[] ratios = new double[stars.size()];
        for (int i = 0; i < stars.size(); i++) {
            double after = aperture(plane, stars.get(i));
            assertThat(after).isCloseTo(fluxBefore[i], within(3 * NOISE * 9));
            ratios[i] = after / fluxBefore[i];
        }
        Arrays.sort(ratios);
        assertThat(ratios[ratios.length / 2]).isCloseTo(1.0, within(0.01));
    }

    @Test
    void amountZeroChangesNothing() {
        float[] plane = SyntheticSky.plane(W, H, SKY, NOISE, List.of(), 63);
        float[] original = plane.clone();
        new Denoise(new DenoiseParameters(3, 3.0, 0)).apply(SyntheticSky.image(W, H, new float[][] {plane}),
                new StepContext(new CpuBackend()));
        for (int i = 0; i < plane.length; i++) {
            assertThat(plane[i]).isCloseTo(original[i], within(1e-6f));
        }
    }

    @Test
    void parametersAreChecked() {
        StepRegistry registry = StepRegistry.standard();
        assertThat(registry.create(new StepSpec("denoise", Map.of("scales", 3, "amount", 0.5)))).isInstanceOf(Denoise.class);
        assertThatThrownBy(() -> registry.create(new StepSpec("denoise", Map.of("scales", 7))))
                .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("scales must be 1..4, got 7");
    }

    /** 1.4826 MAD of the pixels far from every star of the grid (between grid lines). */
    private static double skyNoise(float[] plane) {
        float[] values = new float[plane.length];
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (Math.abs(x % 48 - 24) < 12 && Math.abs(y % 48 - 24) < 12) {
                    values[n++] = plane[y * W + x];
                }
            }
        }
        float[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        float median = v[n / 2];
        for (int i = 0; i < n; i++) {
            v[i] = Math.abs(v[i] - median);
        }
        Arrays.sort(v);
        return 1.4826 * v[n / 2];
    }

    private static double aperture(float[] plane, PlantedStar s) {
        double sum = 0;
        int count = 0;
        for (int y = (int) (s.y() - 6); y <= s.y() + 6; y++) {
            for (int x = (int) (s.x() - 6); x <= s.x() + 6; x++) {
                if (Math.hypot(x - s.x(), y - s.y()) <= 5) {
                    sum += plane[y * W + x];
                    count++;
                }
            }
        }
        return sum - count * SKY;
    }
}
