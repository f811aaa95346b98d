package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.fitsflow.processors.analysis.SyntheticSky;
import org.fitsflow.processors.analysis.SyntheticSky.PlantedStar;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.StepRegistry;
import org.fitsflow.processors.pipeline.StepSpec;
import org.junit.jupiter.api.Test;

class BackgroundExtractionTest {
    private static final int W = 960;
    private static final int H = 640;
    private static final double SKY = 0.08;
    private static final double NOISE = 0.002;
    private static final double GRADIENT = 0.06;
    private static final double SIGMA = 1.3;

    private final List<PlantedStar> stars = SyntheticSky.starGrid(W, H, 48, 0.05, 0.5, SIGMA, 11);

    @Test
    void removesALinearGradientTenfoldAndKeepsStarFluxes() {
        float[] plane = SyntheticSky.plane(W, H, SKY, NOISE, stars, 12);
        addGradient(plane, GRADIENT);
        double before = gradientAcross(plane);
        double[] fluxesBefore = stars.stream().mapToDouble(s -> aperture(plane, s)).toArray();

        Image image = new BackgroundExtraction(BackgroundExtractionParameters.DEFAULTS)
                .apply(SyntheticSky.image(W, H, new float[][] {plane}), new StepContext(new CpuBackend()));

        float[] out = image.plane(0);
        double after = gradientAcross(out);
        assertThat(before).isCloseTo(GRADIENT * 0.9, within(0.003));
        assertThat(Math.abs(after)).as("left-right sky difference after").isLessThan(Math.abs(before) / 10);
        for (int i = 0; i < stars.size(); i++) {
            double flux = aperture(out, stars.get(i));
            assertThat(flux).isCloseTo(fluxesBefore[i], within(0.02 * fluxesBefore[i]));
        }
        // The median sky level is kept: the model's median is added back.
        assertThat(median(out)).isCloseTo(SKY + GRADIENT / 2, within(0.002));
    }

    @Test
    void everyDegreeRemovesAQuadraticVignetteByDivision() {
        for (int degree = 2; degree <= 3; degree++) {
            float[] plane = SyntheticSky.plane(W, H, 0, NOISE, stars, 13);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double u = 2.0 * x / (W - 1) - 1;
                    double v = 2.0 * y / (H - 1) - 1;
                    double falloff = 1 - 0.3 * (u * u + v * v) / 2;
                    plane[y * W + x] = (float) ((SKY + plane[y * W + x]) * falloff);
                }
            }
            double cornerToCentre = sky(plane, 40, 40) / sky(plane, W / 2, H / 2);
            var parameters = new BackgroundExtractionParameters(16, degree, BackgroundCorrection.DIVIDE, 2.5);

            new BackgroundExtraction(parameters).apply(SyntheticSky.image(W, H, new float[][] {plane}),
                    new StepContext(new CpuBackend()));

            assertThat(cornerToCentre).isLessThan(0.8);
            assertThat(sky(plane, 40, 40) / sky(plane, W / 2, H / 2)).as("degree " + degree).isCloseTo(1.0, within(0.02));
        }
    }

    @Test
    void aPlaneFitLeavesAFlatSkyFlat() {
        float[] plane = SyntheticSky.plane(W, H, SKY, NOISE, stars, 14);
        float[] original = plane.clone();
        var parameters = new BackgroundExtractionParameters(8, 1, BackgroundCorrection.SUBTRACT, 2.5);

        new BackgroundExtraction(parameters).apply(SyntheticSky.image(W, H, new float[][] {plane}),
                new StepContext(new CpuBackend()));

        double maxChange = 0;
        for (int i = 0; i < plane.length; i++) {
            maxChange = Math.max(maxChange, Math.abs(plane[i] - original[i]));
        }
        assertThat(maxChange).isLessThan(NOISE / 2);
    }

    @Test
    void parametersFromYamlAreValidatedWithClearMessages() {
        StepRegistry registry = StepRegistry.standard();
        assertThat(registry.create(new StepSpec("background_extraction", Map.of("degree", 3, "correction", "divide"))))
                .isInstanceOf(BackgroundExtraction.class);
        assertThatThrownBy(() -> registry.create(new StepSpec("background_extraction", Map.of("degree", 5))))
                .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("degree must be 1, 2 or 3, got 5");
        assertThatThrownBy(() -> registry.create(new StepSpec("background_extraction", Map.of("correction", "multiply"))))
                .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("subtract, divide");
        assertThatThrownBy(() -> registry.create(new StepSpec("background_extraction", Map.of("grid", 8))))
                .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("unknown parameter 'grid'");
    }

    private static void addGradient(float[] plane, double amplitude) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                plane[y * W + x] += (float) (amplitude * x / (W - 1));
            }
        }
    }

    /** Median sky of the right tenth minus that of the left tenth (stars are too few to move a median). */
    private static double gradientAcross(float[] plane) {
        return columnsMedian(plane, W - W / 10, W) - columnsMedian(plane, 0, W / 10);
    }

    private static double columnsMedian(float[] plane, int x0, int x1) {
        float[] values = new float[(x1 - x0) * H];
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = x0; x < x1; x++) {
                values[n++] = plane[y * W + x];
            }
        }
        return median(values);
    }

    private static double sky(float[] plane, int cx, int cy) {
        float[] values = new float[61 * 61];
        int n = 0;
        for (int y = cy - 30; y <= cy + 30; y++) {
            for (int x = cx - 30; x <= cx + 30; x++) {
                values[n++] = plane[y * W + x];
            }
        }
        return median(values);
    }

    /** Aperture photometry: sum within 4 sigma minus the median of an annulus at 6 to 9 sigma. */
    private static double aperture(float[] plane, PlantedStar s) {
        double sum = 0;
        int count = 0;
        float[] annulus = new float[2000];
        int a = 0;
        for (int y = (int) (s.y() - 12); y <= s.y() + 12; y++) {
            for (int x = (int) (s.x() - 12); x <= s.x() + 12; x++) {
                double r = Math.hypot(x - s.x(), y - s.y());
                if (r <= 4 * SIGMA) {
                    sum += plane[y * W + x];
                    count++;
                } else if (r >= 6 * SIGMA && r <= 9 * SIGMA) {
                    annulus[a++] = plane[y * W + x];
                }
            }
        }
        return sum - count * median(java.util.Arrays.copyOf(annulus, a));
    }

    private static double median(float[] values) {
        float[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
