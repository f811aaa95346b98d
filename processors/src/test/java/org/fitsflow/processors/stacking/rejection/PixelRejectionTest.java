package org.fitsflow.processors.stacking.rejection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fitsflow.processors.stacking.rejection.ReferenceRejection.Outcome;
import org.fitsflow.processors.stacking.rejection.ReferenceRejection.Sample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every rejection algorithm against {@link ReferenceRejection}, an independent implementation of the published
 * definitions, on synthetic pixel stacks (sky 0.1 with Gaussian noise 0.01, frames weighted 0.5 to 1.5) with
 * planted outliers (kappa 3 low, 2.7 high): a satellite trail (one frame far above), a hot pixel (one frame near saturation), a cloud
 * (a fifth of the frames 6 sigma above, together). The weighted means agree within 1e-9 and the low and high
 * counts exactly, pixel after pixel.
 */
class PixelRejectionTest {
    private static final double SKY = 0.1;
    private static final double NOISE = 0.01;

    enum Outliers {
        SATELLITE_TRAIL, HOT_PIXEL, CLOUD, NONE
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RejectionAlgorithm.class)
    void agreesWithTheReferenceImplementationOnPlantedOutliers(RejectionAlgorithm algorithm) {
        // kappa high 2.7, not 2.5: with 5 values and one positive residual, linear fit's residual is exactly 2.5
        // mean absolute deviations, a tie that rounding decides either way
        RejectionParameters parameters = new RejectionParameters(algorithm, 3, 2.7, 5, 0.3, 0.05);
        Random random = new Random(20 + algorithm.ordinal());
        for (int frames : new int[] {5, 12, 32, 96}) {
            float[] weights = new float[frames];
            for (int f = 0; f < frames; f++) {
                weights[f] = (float) (0.5 + random.nextDouble());
            }
            PixelRejection rejection = PixelRejection.of(parameters, frames);
            PixelStack stack = new PixelStack(frames);
            for (Outliers outliers : Outliers.values()) {
                for (int pixel = 0; pixel < 200; pixel++) {
                    float[] values = stackOf(frames, outliers, random);
                    stack.clear();
                    List<Sample> samples = new ArrayList<>();
                    for (int f = 0; f < frames; f++) {
                        stack.add(values[f], f);
                        samples.add(new Sample(values[f], f));
                    }
                    rejection.reject(stack);
                    Outcome expected = reference(parameters, samples, weights);
                    String what = algorithm + ", " + frames + " frames, " + outliers + ", pixel " + pixel;
                    assertThat(stack.weightedMean(weights)).as(what).isCloseTo(expected.mean(), within(1e-9));
                    assertThat(stack.rejectedLow()).as(what + ": low").isEqualTo(expected.low());
                    assertThat(stack.rejectedHigh()).as(what + ": high").isEqualTo(expected.high());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RejectionAlgorithm.class, names = {"SIGMA", "WINSORIZED", "LINEAR_FIT", "GESD"})
    void aSatelliteTrailIsRejectedAndTheSkyKept(RejectionAlgorithm algorithm) {
        PixelRejection rejection = PixelRejection.of(RejectionParameters.DEFAULTS.withAlgorithm(algorithm), 20);
        PixelStack stack = new PixelStack(20);
        float[] weights = new float[20];
        java.util.Arrays.fill(weights, 1f);
        Random random = new Random(7);
        int trailsRejected = 0;
        for (int pixel = 0; pixel < 500; pixel++) {
            float[] values = stackOf(20, Outliers.SATELLITE_TRAIL, random);
            stack.clear();
            for (int f = 0; f < 20; f++) {
                stack.add(values[f], f);
            }
            rejection.reject(stack);
            trailsRejected += stack.rejectedHigh() > 0 ? 1 : 0;
            // 4 standard errors of the mean of 19 sky values
            assertThat(stack.weightedMean(weights)).isCloseTo(SKY, within(4 * NOISE / Math.sqrt(19)));
        }
        assertThat(trailsRejected).isEqualTo(500);
    }

    @Test
    void theStudentTQuantilesMatchTheIndependentIntegral() {
        for (int dof : new int[] {2, 5, 10, 30, 94}) {
            for (double p : new double[] {0.9, 0.975, 0.999, 0.9997}) {
                assertThat(StudentT.quantile(p, dof)).as("dof %d, p %s", dof, p)
                        .isCloseTo(ReferenceRejection.tQuantile(p, dof), within(2e-4 * ReferenceRejection.tQuantile(p, dof)));
            }
        }
        // Table values: t(0.975, 10) = 2.228, t(0.995, 30) = 2.750
        assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.2281, within(1e-4));
        assertThat(StudentT.quantile(0.995, 30)).isCloseTo(2.7500, within(1e-4));
    }

    private static float[] stackOf(int frames, Outliers outliers, Random random) {
        float[] values = new float[frames];
        for (int f = 0; f < frames; f++) {
            values[f] = (float) (SKY + NOISE * random.nextGaussian());
        }
        switch (outliers) {
            case SATELLITE_TRAIL -> values[random.nextInt(frames)] += (float) (0.3 + 0.1 * random.nextDouble());
            case HOT_PIXEL -> values[random.nextInt(frames)] = (float) (0.9 + 0.05 * random.nextDouble());
            case CLOUD -> {
                int start = random.nextInt(frames);
                for (int k = 0; k < Math.max(1, frames / 5); k++) {
                    values[(start + k) % frames] += (float) (6 * NOISE);
                }
            }
            case NONE -> { }
        }
        return values;
    }

    private static Outcome reference(RejectionParameters p, List<Sample> samples, float[] weights) {
        return switch (p.algorithm()) {
            case NONE -> ReferenceRejection.none(samples, weights);
            case SIGMA -> ReferenceRejection.sigma(samples, weights, p.kappaLow(), p.kappaHigh(), p.iterations());
            case WINSORIZED -> ReferenceRejection.winsorized(samples, weights, p.kappaLow(), p.kappaHigh(), p.iterations());
            case LINEAR_FIT -> ReferenceRejection.linearFit(samples, weights, p.kappaLow(), p.kappaHigh(), p.iterations());
            case GESD -> ReferenceRejection.gesd(samples, weights, p.gesdOutliers(), p.gesdSignificance());
        };
    }
}
