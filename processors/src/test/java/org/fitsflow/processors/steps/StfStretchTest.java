package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.image.CodedImages;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.MidtonesTransfer;
import org.fitsflow.processors.stats.OrderStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StfStretchTest {
    private final CpuBackend backend = new CpuBackend();

    @Test
    void monoStaysMonoAndItsMedianLandsOnTheTargetBackground() {
        Image image = noisyImage(1, 400, 300, 0.02, 0.002);
        double median = backend.statistics(image.plane(0)).median();
        StfParameters expected = new StfStretch().parametersFor(image, backend);

        Image stretched = new StfStretch().apply(image, new StepContext(backend));

        assertThat(stretched.channels()).isEqualTo(1);
        assertThat(MidtonesTransfer.apply(expected.m()[0], (median - expected.c0()[0]) / (1 - expected.c0()[0])))
                .isCloseTo(0.25, offset(0.01));
        assertThat(backend.statistics(stretched.plane(0)).median()).isCloseTo(0.25, offset(0.01));
    }

    /** A coded image is stretched per code: bit for bit the stretch of its floats, in every mode. */
    @ParameterizedTest
    @EnumSource(StretchMode.class)
    void aCodedImageIsStretchedAsItsFloatsAre(StretchMode mode) {
        StfStretch stretch = new StfStretch(StfStretchParameters.defaults().withMode(mode));
        Image coded = CodedImages.sky(300, 200, 3, 5, true);
        Image floats = CodedImages.asFloats(coded);
        StepContext codedContext = new StepContext(backend);
        StepContext floatContext = new StepContext(backend);

        Image stretchedCodes = stretch.apply(coded, codedContext);
        Image stretchedFloats = stretch.apply(floats, floatContext);

        // percentiles need the floats; the other modes stay coded
        assertThat(stretchedCodes.coded().isPresent()).isEqualTo(mode != StretchMode.PERCENTILE);
        assertThat(codedContext.measurements()).isEqualTo(floatContext.measurements());
        for (int c = 0; c < 3; c++) {
            assertThat(stretchedCodes.plane(c)).containsExactly(stretchedFloats.plane(c));
        }
    }

    @Test
    void unlinkedNeutralisesAColourCastAndLinkedKeepsIt() {
        Image unlinked = noisyImage(3, 300, 200, 0.01, 0.001);
        Image linked = noisyImage(3, 300, 200, 0.01, 0.001);
        StepContext context = new StepContext(backend);

        new StfStretch(StfStretchParameters.defaults().withMode(StretchMode.UNLINKED)).apply(unlinked, context);
        new StfStretch(StfStretchParameters.defaults().withMode(StretchMode.LINKED)).apply(linked, context);

        double[] unlinkedMedians = medians(unlinked);
        double[] linkedMedians = medians(linked);
        assertThat(unlinkedMedians).containsOnly(new double[] {0.25, 0.25, 0.25}, offset(0.01));
        assertThat(linkedMedians[2]).isGreaterThan(linkedMedians[0] + 0.1);
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) context.measurements().get(StfStretch.NAME);
        assertThat(measured.get("mode")).isEqualTo("linked");
        assertThat((List<Double>) measured.get("c0")).hasSize(3).containsOnly(((List<Double>) measured.get("c0")).get(0));
    }

    @Test
    void percentileModeMapsTheBlackAndWhitePercentilesToZeroAndOne() {
        Image image = noisyImage(1, 500, 400, 0.1, 0.02);
        float[] original = image.plane(0).clone();
        double black = OrderStatistics.quantile(original, 0.1 / 100);
        double white = OrderStatistics.quantile(original, 99.9 / 100);
        StfStretchParameters parameters = new StfStretchParameters(StretchMode.PERCENTILE, -2.8, 0.25, 0.1, 99.9, 0.3);

        StfParameters stf = new StfStretch(parameters).parametersFor(image, backend);
        new StfStretch(parameters).apply(image, new StepContext(backend));

        assertThat(stf.c0()[0]).isEqualTo(black);
        assertThat(stf.c1()[0]).isEqualTo(white);
        assertThat(stf.m()[0]).isEqualTo(0.3);
        for (int i = 0; i < original.length; i += 97) {
            double expected = MidtonesTransfer.apply(0.3, (original[i] - black) / (white - black));
            assertThat((double) image.plane(0)[i]).isCloseTo(expected, offset(1e-6));
        }
    }

    @Test
    void constantImageBecomesBlack() {
        Image image = imageOf(1, 64, 64, 0.3f);

        new StfStretch().apply(image, new StepContext(backend));

        assertThat(image.plane(0)).containsOnly(0f);
    }

    @Test
    void nonFinitePixelsAreIgnoredAndRenderAsZero() {
        Image image = noisyImage(1, 100, 100, 0.05, 0.005);
        Image clean = noisyImage(1, 100, 100, 0.05, 0.005);
        image.plane(0)[10] = Float.NaN;
        image.plane(0)[20] = Float.POSITIVE_INFINITY;
        clean.plane(0)[10] = Float.NaN;
        clean.plane(0)[20] = Float.NaN;

        new StfStretch().apply(image, new StepContext(backend));
        new StfStretch().apply(clean, new StepContext(backend));

        assertThat(image.plane(0)[10]).isZero();
        assertThat(image.plane(0)[20]).isZero();
        assertThat(image.plane(0)).containsExactly(clean.plane(0));
    }

    @Test
    void refusesAChannelWithoutFinitePixels() {
        Image image = imageOf(3, 4, 4, 0.2f);
        Arrays.fill(image.plane(1), Float.NaN);

        assertThatThrownBy(() -> new StfStretch().apply(image, new StepContext(backend)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel 1 has no finite pixels, so there is nothing to stretch");
    }

    @Test
    void onePixelImage() {
        Image image = imageOf(1, 1, 1, 0.4f);
        new StfStretch().apply(image, new StepContext(backend));
        assertThat(image.plane(0)).containsExactly(0f);
    }

    private static double[] medians(Image image) {
        CpuBackend backend = new CpuBackend();
        return Arrays.stream(image.planes()).mapToDouble(p -> backend.statistics(p).median()).toArray();
    }

    /** Gaussian noise around a background that grows with the channel, i.e. a blue cast. */
    private static Image noisyImage(int channels, int width, int height, double background, double sigma) {
        Random random = new Random(42);
        float[][] planes = new float[channels][width * height];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] = (float) Math.max(0, background * (1 + c) + sigma * random.nextGaussian());
            }
        }
        return new Image(width, height, planes, header(width, height, channels));
    }

    private static Image imageOf(int channels, int width, int height, float value) {
        float[][] planes = new float[channels][width * height];
        for (float[] plane : planes) {
            Arrays.fill(plane, value);
        }
        return new Image(width, height, planes, header(width, height, channels));
    }

    static FitsHeader header(int width, int height, int planes) {
        return new FitsHeader(List.of(), new HeaderSummary(width, height, planes, -32, null, null, null, null, null,
                null, null, null, null, null));
    }
}
