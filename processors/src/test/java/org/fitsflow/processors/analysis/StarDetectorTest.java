package org.fitsflow.processors.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.analysis.SyntheticSky.PlantedStar;
import org.fitsflow.processors.backend.CpuBackend;
import org.junit.jupiter.api.Test;

class StarDetectorTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final double SKY = 0.05;
    private static final double NOISE = 0.002;
    /** FWHM 3.0 px. */
    private static final double SIGMA = 3.0 / 2.3548200450309493;
    private final CpuBackend cpu = new CpuBackend();
    private final StarDetector detector = new StarDetector(StarDetectionParameters.DEFAULTS);

    @Test
    void findsEveryPlantedStarWithItsCentreAndWidth() {
        // Peaks from 15 to 200 sigma: all well above the 5-sigma threshold.
        List<PlantedStar> planted = SyntheticSky.starGrid(W, H, 40, 0.03, 0.4, SIGMA, 1);
        float[] plane = SyntheticSky.plane(W, H, SKY, NOISE, planted, 2);

        StarField field = detector.detect(plane, W, H, cpu);

        assertThat(field.count()).isEqualTo(planted.size());
        assertThat(field.medianFwhm()).isCloseTo(3.0, within(0.09));
        assertThat(field.medianRoundness()).isGreaterThan(0.93);
        assertThat(field.background()).isCloseTo(SKY, within(0.0005));
        assertThat(field.noise()).isCloseTo(NOISE, within(0.0002));
        double[] fluxRatios = new double[planted.size()];
        double squaredErrors = 0;
        for (int i = 0; i < planted.size(); i++) {
            PlantedStar p = planted.get(i);
            Star found = nearest(field, p.x(), p.y());
            double error = Math.hypot(found.x() - p.x(), found.y() - p.y());
            assertThat(error).as("centre error").isLessThan(0.2);
            squaredErrors += error * error;
            fluxRatios[i] = found.flux() / p.flux();
        }
        assertThat(Math.sqrt(squaredErrors / planted.size())).as("RMS centre error").isLessThan(0.05);
        // Single faint stars scatter by their photon-free noise (~3 % at 15 sigma); the median must be unbiased.
        assertThat(StarField.median(fluxRatios)).isCloseTo(1.0, within(0.02));
    }

    @Test
    void elongatedStarsHaveTheirAxisRatioAsRoundness() {
        List<PlantedStar> planted = new ArrayList<>();
        for (PlantedStar s : SyntheticSky.starGrid(W, H, 60, 0.1, 0.3, 1.0, 3)) {
            planted.add(new PlantedStar(s.x(), s.y(), s.peak(), 2.0, 1.0));
        }
        StarField field = detector.detect(SyntheticSky.plane(W, H, SKY, NOISE, planted, 4), W, H, cpu);

        assertThat(field.count()).isEqualTo(planted.size());
        assertThat(field.medianRoundness()).isCloseTo(0.5, within(0.03));
        Star any = field.stars().get(0);
        assertThat(Math.abs(Math.cos(any.angle()))).as("major axis along x").isGreaterThan(0.99);
    }

    @Test
    void skipsSaturatedStarsHotPixelsAndEdges() {
        List<PlantedStar> planted = SyntheticSky.starGrid(W, H, 80, 0.05, 0.2, SIGMA, 5);
        float[] plane = SyntheticSky.plane(W, H, SKY, NOISE, planted, 6);
        // A saturated star: its core clipped at 1.0.
        SyntheticSky.addStar(plane, W, H, new PlantedStar(300.3, 250.6, 3.0, SIGMA, SIGMA));
        for (int i = 0; i < plane.length; i++) {
            plane[i] = Math.min(plane[i], 1f);
        }
        // Hot pixels: single pixels far above the sky.
        plane[100 * W + 500] = 0.5f;
        plane[420 * W + 130] = 0.3f;
        // A star cut by the left edge.
        SyntheticSky.addStar(plane, W, H, new PlantedStar(1.5, 200.2, 0.2, SIGMA, SIGMA));

        StarField field = detector.detect(plane, W, H, cpu);

        assertThat(field.count()).isEqualTo(planted.size());
        assertThat(field.stars()).noneMatch(s -> Math.hypot(s.x() - 300.3, s.y() - 250.6) < 5);
        assertThat(field.stars()).noneMatch(s -> Math.hypot(s.x() - 500, s.y() - 100) < 3);
        assertThat(field.stars()).noneMatch(s -> Math.hypot(s.x() - 130, s.y() - 420) < 3);
        assertThat(field.stars()).noneMatch(s -> s.x() < 5);
    }

    @Test
    void pureNoiseYieldsAlmostNoStars() {
        StarField field = detector.detect(SyntheticSky.plane(W, H, SKY, NOISE, List.of(), 7), W, H, cpu);

        assertThat(field.count()).isLessThanOrEqualTo(2);
        assertThat(field.noise()).isCloseTo(NOISE, within(0.0002));
    }

    @Test
    void followsALocalBackgroundAcrossAGradient() {
        List<PlantedStar> planted = SyntheticSky.starGrid(W, H, 40, 0.03, 0.4, SIGMA, 8);
        float[] plane = SyntheticSky.plane(W, H, SKY, NOISE, planted, 9);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                plane[y * W + x] += (float) (0.1 * x / W);
            }
        }
        assertThat(detector.detect(plane, W, H, cpu).count()).isEqualTo(planted.size());
    }

    @Test
    void tinyFramesAndBlankRegionsAreMeasuredWithoutFailing() {
        assertThat(detector.detect(new float[25], 5, 5, cpu).count()).isZero();
        List<PlantedStar> planted = SyntheticSky.starGrid(W, H, 40, 0.05, 0.4, SIGMA, 10);
        float[] plane = SyntheticSky.plane(W, H, SKY, NOISE, planted, 11);
        // A blank (NaN) band, as at the border of a registered stack.
        for (int i = 0; i < 100 * W; i++) {
            plane[i] = Float.NaN;
        }
        StarField field = detector.detect(plane, W, H, cpu);
        assertThat(field.count()).isEqualTo((int) planted.stream().filter(p -> p.y() > 100 + 8).count());
        assertThat(field.noise()).isCloseTo(NOISE, within(0.0002));
    }

    private static Star nearest(StarField field, double x, double y) {
        return field.stars().stream().min(java.util.Comparator.comparingDouble(s -> Math.hypot(s.x() - x, s.y() - y)))
                .orElseThrow();
    }
}
