package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.image.CodedImages;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.ChannelStatistics;
import org.fitsflow.processors.stats.OrderStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * histogram_stretch with the asinh and GHS curves: every pixel against the closed forms evaluated here in
 * double from the black points and strengths the step reports (within 2e-6, float rounding of the input
 * and output), medians landing on the target background (within 0.01, as for the STF), linked and
 * unlinked, colour, coded images and non-finite pixels.
 */
class StretchCurvesTest {
    private static final double TARGET = 0.25;
    private final CpuBackend backend = new CpuBackend();

    @ParameterizedTest
    @ValueSource(strings = {"asinh", "ghs"})
    void unlinkedCurvesLandEachChannelsMedianOnTheTargetBackground(String curve) {
        Image image = castImage(400, 300);

        stretch(image, curve.equals("asinh") ? Map.of("curve", curve, "asinh_preserve_colour", false) : Map.of("curve", curve));

        for (int c = 0; c < 3; c++) {
            assertThat(median(image, c)).as("channel %d", c).isCloseTo(TARGET, offset(0.01));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"asinh", "ghs"})
    void linkedCurvesStretchEveryChannelAlikeAndKeepTheCast(String curve) {
        Image image = castImage(400, 300);
        float[] sameValue = {0.03f, 0.03f, 0.03f};
        for (int c = 0; c < 3; c++) {
            image.plane(c)[0] = sameValue[c];
        }

        Map<String, Object> measured = stretch(image, Map.of("curve", curve, "mode", "linked"));

        assertThat(image.plane(0)[0]).isEqualTo(image.plane(1)[0]).isEqualTo(image.plane(2)[0]);
        assertThat(median(image, 2)).isGreaterThan(median(image, 0) + 0.05);
        assertThat(list(measured, "c0")).containsOnly(entry(measured, "c0", 0));
        assertThat(list(measured, "stretch")).containsOnly(entry(measured, "stretch", 0));
    }

    @ParameterizedTest
    @EnumSource(value = StretchMode.class, names = {"LINKED", "UNLINKED"})
    void ghsPixelsFollowTheClosedFormWithTheReportedParameters(StretchMode mode) {
        Image image = castImage(200, 150);
        float[][] before = copy(image);

        Map<String, Object> measured = stretch(image, Map.of("curve", "ghs", "mode", mode.yamlName(), "ghs_local_intensity", 3,
                "ghs_shadow_protection", 0.005, "ghs_highlight_protection", 0.5));

        for (int c = 0; c < 3; c++) {
            double c0 = entry(measured, "c0", c);
            double sp = above(entry(measured, "symmetry_point", c), c0);
            ClosedFormGhs expected = new ClosedFormGhs(entry(measured, "stretch", c), 3, sp,
                    Math.min(sp, above(0.005, c0)), Math.max(sp, above(0.5, c0)));
            for (int i = 0; i < before[c].length; i += 7) {
                assertThat((double) image.plane(c)[i]).isCloseTo(expected.apply(above(before[c][i], c0)), offset(2e-6));
            }
        }
    }

    @Test
    void asinhPerChannelFollowsTheClosedFormWithTheReportedParameters() {
        Image image = castImage(200, 150);
        float[][] before = copy(image);

        Map<String, Object> measured = stretch(image, Map.of("curve", "asinh", "asinh_preserve_colour", false));

        for (int c = 0; c < 3; c++) {
            double c0 = entry(measured, "c0", c);
            double beta = entry(measured, "stretch", c);
            for (int i = 0; i < before[c].length; i += 7) {
                double x = Math.max(0, above(before[c][i], c0));
                assertThat((double) image.plane(c)[i]).isCloseTo(asinh(beta * x) / asinh(beta), offset(2e-6));
            }
        }
    }

    @Test
    void colourPreservingAsinhKeepsTheRatiosOfTheBalancedChannels() {
        Image image = castImage(200, 150);
        float[][] before = copy(image);

        Map<String, Object> measured = stretch(image, Map.of("curve", "asinh"));

        assertThat(measured.get("preserve_colour")).isEqualTo(true);
        double beta = entry(measured, "stretch", 0);
        int checked = 0;
        for (int i = 0; i < before[0].length; i++) {
            double[] in = new double[3];
            for (int c = 0; c < 3; c++) {
                in[c] = Math.min(1, Math.max(0, above(before[c][i], entry(measured, "c0", c)) * entry(measured, "balance", c)));
            }
            double mean = (in[0] + in[1] + in[2]) / 3;
            if (mean <= 0) {
                continue;
            }
            double scale = asinh(beta * mean) / asinh(beta) / mean;
            double brightest = Math.max(in[0], Math.max(in[1], in[2])) * scale;
            if (brightest > 1) {
                scale /= brightest;
            }
            for (int c = 0; c < 3; c++) {
                assertThat((double) image.plane(c)[i]).isCloseTo(in[c] * scale, offset(2e-6));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(before[0].length / 2);
        // the balance lands the sky on a neutral grey at the target
        for (int c = 0; c < 3; c++) {
            assertThat(median(image, c)).isCloseTo(TARGET, offset(0.02));
        }
    }

    @Test
    void aGhsStretchOfZeroOnlyMovesTheBlackPoint() {
        Image image = castImage(100, 80);
        float[][] before = copy(image);

        Map<String, Object> measured = stretch(image, Map.of("curve", "ghs", "ghs_stretch", 0));

        for (int c = 0; c < 3; c++) {
            double c0 = entry(measured, "c0", c);
            for (int i = 0; i < before[c].length; i++) {
                double expected = Math.min(1, Math.max(0, above(before[c][i], c0)));
                assertThat((double) image.plane(c)[i]).isCloseTo(expected, offset(1e-7));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"asinh", "ghs"})
    void nonFinitePixelsRenderAsZeroAndChangeNothingElse(String curve) {
        Image image = castImage(100, 100);
        Image clean = castImage(100, 100);
        for (int c = 0; c < 3; c++) {
            image.plane(c)[10] = Float.NaN;
            image.plane(c)[20] = Float.POSITIVE_INFINITY;
            image.plane(c)[30] = Float.NEGATIVE_INFINITY;
            clean.plane(c)[10] = Float.NaN;
            clean.plane(c)[20] = Float.NaN;
            clean.plane(c)[30] = Float.NaN;
        }

        stretch(image, Map.of("curve", curve));
        stretch(clean, Map.of("curve", curve));

        for (int c = 0; c < 3; c++) {
            assertThat(image.plane(c)[10]).isZero();
            assertThat(image.plane(c)[20]).isZero();
            assertThat(image.plane(c)[30]).isZero();
            assertThat(image.plane(c)).containsExactly(clean.plane(c));
        }
    }

    /** Per-channel curves transform a coded image's value tables: bit for bit the stretch of its floats. */
    @ParameterizedTest
    @ValueSource(strings = {"ghs", "asinh-per-channel", "asinh"})
    void aCodedImageIsStretchedAsItsFloatsAre(String variant) {
        Map<String, Object> params = variant.equals("asinh-per-channel")
                ? Map.of("curve", "asinh", "asinh_preserve_colour", false) : Map.of("curve", variant);
        Image coded = CodedImages.sky(300, 200, 3, 5, true);
        Image floats = CodedImages.asFloats(coded);

        Stretched fromCodes = stretched(coded, params);
        Map<String, Object> fromFloats = stretch(floats, params);

        // the colour-preserving form needs all three channels of a pixel at once, so the codes give way to floats
        assertThat(fromCodes.image().coded().isPresent()).isEqualTo(!variant.equals("asinh"));
        assertThat(fromCodes.measured()).isEqualTo(fromFloats);
        for (int c = 0; c < 3; c++) {
            assertThat(fromCodes.image().plane(c)).containsExactly(floats.plane(c));
        }
    }

    /** The backend measures float planes (on a GPU, on the device); a coded frame is measured from its code counts. */
    @Test
    void theStepSaysWhereItsStatisticsAndItsCurveRan() {
        CountingBackend counting = new CountingBackend();
        StepContext floats = new StepContext(counting);
        StepContext codes = new StepContext(counting);

        new StfStretch(StfStretchParameters.fromMap(Map.of("curve", "ghs"))).apply(castImage(60, 40), floats);
        int afterFloats = counting.statisticsCalls;
        new StfStretch(StfStretchParameters.fromMap(Map.of("curve", "ghs"))).apply(CodedImages.sky(60, 40, 3, 1, false), codes);

        assertThat(afterFloats).isEqualTo(3);
        assertThat(counting.statisticsCalls).isEqualTo(3);
        assertThat(measurement(floats))
                .containsEntry("statistics_computed_on", "counting").containsEntry("curve_computed_on", "cpu");
        assertThat(measurement(codes))
                .containsEntry("statistics_computed_on", "cpu").containsEntry("curve_computed_on", "cpu");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> measurement(StepContext context) {
        return (Map<String, Object>) context.measurements().get(StfStretch.NAME);
    }

    /** The CPU backend under another name, counting the planes it is asked to measure. */
    private static final class CountingBackend implements ComputeBackend {
        private final CpuBackend cpu = new CpuBackend();
        private int statisticsCalls;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public ChannelStatistics statistics(float[] plane) {
            statisticsCalls++;
            return cpu.statistics(plane);
        }

        @Override
        public void stretch(float[] plane, double c0, double m) {
            cpu.stretch(plane, c0, m);
        }

        @Override
        public float[][] debayer(float[] mosaic, int width, int height, String pattern) {
            return cpu.debayer(mosaic, width, height, pattern);
        }
    }

    @Test
    void aMonoImageGetsThePerChannelAsinhEvenWhenColourIsToBePreserved() {
        Image image = castImage(120, 90);
        Image mono = new Image(120, 90, new float[][] {image.plane(1)}, StfStretchTest.header(120, 90, 1));

        Map<String, Object> measured = stretch(mono, Map.of("curve", "asinh"));

        assertThat(measured.get("preserve_colour")).isEqualTo(false);
        assertThat(median(mono, 0)).isCloseTo(TARGET, offset(0.01));
    }

    /** The measurement of the step, which stretched a float image in place. */
    private Map<String, Object> stretch(Image image, Map<String, Object> params) {
        Stretched stretched = stretched(image, params);
        assertThat(stretched.image()).isSameAs(image);
        return stretched.measured();
    }

    private Stretched stretched(Image image, Map<String, Object> params) {
        StepContext context = new StepContext(backend);
        Image result = new StfStretch(StfStretchParameters.fromMap(params)).apply(image, context);
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) context.measurements().get(StfStretch.NAME);
        assertThat(measured.get("curve_computed_on")).isEqualTo("cpu");
        assertThat(measured.get("statistics_computed_on")).isEqualTo("cpu");
        return new Stretched(result, measured);
    }

    private record Stretched(Image image, Map<String, Object> measured) {
    }

    @SuppressWarnings("unchecked")
    private static List<Double> list(Map<String, Object> measured, String key) {
        return (List<Double>) measured.get(key);
    }

    private static double entry(Map<String, Object> measured, String key, int channel) {
        return list(measured, key).get(channel);
    }

    private static double above(double x, double c0) {
        return (x - c0) / (1 - c0);
    }

    private static double asinh(double z) {
        return Math.log(z + Math.sqrt(z * z + 1));
    }

    private static double median(Image image, int c) {
        return OrderStatistics.medianAndMad(image.plane(c)).median();
    }

    private static float[][] copy(Image image) {
        float[][] copy = new float[image.channels()][];
        for (int c = 0; c < copy.length; c++) {
            copy[c] = image.plane(c).clone();
        }
        return copy;
    }

    /** Sky with noise, a blue cast (background and noise growing with the channel) and a few bright stars. */
    static Image castImage(int width, int height) {
        Random random = new Random(42);
        float[][] planes = new float[3][width * height];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < planes[c].length; i++) {
                double star = random.nextInt(400) == 0 ? 0.3 + 0.7 * random.nextDouble() : 0;
                planes[c][i] = (float) Math.min(1, Math.max(0, 0.01 * (1 + c) + 0.001 * (1 + c) * random.nextGaussian() + star));
            }
        }
        return new Image(width, height, planes, StfStretchTest.header(width, height, 3));
    }

    /** The GHS equations in their published closed form, normalised over [0, 1]. */
    private record ClosedFormGhs(double stretch, double b, double sp, double lp, double hp) {
        double apply(double x) {
            x = Math.min(1, Math.max(0, x));
            double d = Math.exp(stretch) - 1;
            return (raw(x, d) - raw(0, d)) / (raw(1, d) - raw(0, d));
        }

        private double raw(double x, double d) {
            if (x < lp) {
                return -t(sp - lp, d) - slope(sp - lp, d) * (lp - x);
            }
            if (x < sp) {
                return -t(sp - x, d);
            }
            if (x <= hp) {
                return t(x - sp, d);
            }
            return t(hp - sp, d) + slope(hp - sp, d) * (x - hp);
        }

        private double t(double u, double d) {
            return 1 - Math.pow(1 + b * d * u, -1 / b);
        }

        private double slope(double u, double d) {
            return d * Math.pow(1 + b * d * u, -(1 + b) / b);
        }
    }
}
