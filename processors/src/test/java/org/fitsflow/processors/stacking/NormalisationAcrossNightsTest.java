package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight subs over three nights, the field rotated by 70 and 35 degrees on the later nights, each night under
 * its own sky level (and the second with 85 % transparency): with the default normalisation the master shows
 * no step where coverage changes (background medians on either side of every coverage boundary within
 * 0.5 sigma of the sky noise of the best-covered area), while without normalisation the same set shows a
 * step of many sigmas, so that the measure would see one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NormalisationAcrossNightsTest {
    private static final List<MultiNightSet.Night> NIGHTS = List.of(
            new MultiNightSet.Night(3, 0, new double[] {0.020, 0.024, 0.018}, 1.0),
            new MultiNightSet.Night(3, 70, new double[] {0.034, 0.036, 0.028}, 0.85),
            new MultiNightSet.Night(2, 35, new double[] {0.016, 0.019, 0.015}, 1.0));

    @TempDir
    static Path folder;
    private List<Path> subs;
    private final CpuBackend cpu = new CpuBackend();

    @BeforeAll
    void writeTheNights() throws IOException {
        subs = MultiNightSet.write(folder, NIGHTS, 70);
    }

    @Test
    void theDefaultNormalisationLeavesNoStepWhereCoverageChanges() throws IOException {
        StackResult result = stack(StackingParameters.DEFAULTS.withFraming(Framing.KEEP));

        assertThat(result.usedCount()).isEqualTo(8);
        assertThat(CoverageSteps.largestInSigmas(result)).isLessThan(0.5);
    }

    @Test
    void withoutNormalisationTheSameSetShowsAStep() throws IOException {
        StackResult result = stack(StackingParameters.DEFAULTS.withFraming(Framing.KEEP)
                .withNormalisation(Normalisation.NONE));

        assertThat(CoverageSteps.largestInSigmas(result)).isGreaterThan(3);
    }

    @Test
    void theCroppedMasterIsTheAreaMostSubsCoverAndItsHeaderSumsTheExposures() throws IOException {
        StackResult kept = stack(StackingParameters.DEFAULTS.withFraming(Framing.KEEP));
        StackResult cropped = stack(StackingParameters.DEFAULTS);

        float[] coverage = kept.coverage().orElseThrow().plane(0);
        Image master = cropped.master();
        assertThat(cropped.coverage()).isEmpty();
        assertThat(master.width()).isLessThan(MultiNightSet.WIDTH);
        assertThat(master.height()).isLessThan(MultiNightSet.HEIGHT);
        // Every pixel of the crop is covered by more than half of the 8 subs, and none is blank.
        long covered = 0;
        for (float c : coverage) {
            covered += c > 4 ? 1 : 0;
        }
        assertThat((long) master.width() * master.height()).isLessThanOrEqualTo(covered);
        for (float[] plane : master.planes()) {
            for (float v : plane) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
        assertThat(master.header().doubleValue("STACKCNT")).contains(8.0);
        assertThat(master.header().doubleValue("TOTALEXP")).contains(80.0);
        assertThat(master.header().doubleValue("LIVETIME")).contains(80.0);
        assertThat(master.header().stringValue("DATE-OBS")).contains("2025-03-20T01:10:00.000");
        assertThat(master.header().stringValue("DATE-END")).contains("2025-03-22T01:11:10.000");
        assertThat(cropped.history()).anyMatch(line -> line.startsWith("framing crop: x "));
    }

    @Test
    void noiseWeightsFollowTheInverseVarianceOfEachSubsNoise() throws IOException {
        // Without normalisation the weights are 1 / noise^2 as measured: the brighter sky of night 2 is noisier.
        StackResult result = stack(StackingParameters.DEFAULTS.withNormalisation(Normalisation.NONE));

        for (StackedFrame frame : result.frames()) {
            assertThat(frame.weights()).hasSize(3);
        }
        double expected = Math.pow(MultiNightSet.noise(NIGHTS.get(0)) / MultiNightSet.noise(NIGHTS.get(1)), 2);
        float night1 = result.frames().get(0).weights()[1];
        float night2 = result.frames().get(3).weights()[1];
        assertThat((double) night2 / night1).isCloseTo(expected, within(0.1 * expected));
        assertThat(result.history()).anyMatch(line -> line.startsWith("used Light_synthetic_night2_00.fit w "));
    }

    private StackResult stack(StackingParameters parameters) throws IOException {
        return new SubStacker(parameters, cpu).stack(subs, folder.resolve("work"), ProgressListener.NONE);
    }
}
