package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.Map;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.image.CodedImages;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.OrderStatistics;
import org.fitsflow.processors.testdata.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The curves on the real Seestar frame (NGC 7023, 3 x 1080 x 1920, 16-bit): every output finite and in
 * [0, 1], the order of each channel's pixels kept (ties allowed), the sky's median on the target background
 * within 0.01; and {@code curve: mtf} bit for bit the step as it was.
 */
class StretchCurvesOnSeestarFrameTest {
    private final CpuBackend backend = new CpuBackend();

    @ParameterizedTest
    @ValueSource(strings = {"ghs unlinked", "ghs linked", "asinh unlinked", "asinh linked"})
    void perChannelCurvesKeepEachChannelsOrderAndLandTheMedian(String curveAndMode) {
        String[] words = curveAndMode.split(" ");
        Map<String, Object> params = words[0].equals("asinh")
                ? Map.of("curve", "asinh", "mode", words[1], "asinh_preserve_colour", false)
                : Map.of("curve", "ghs", "mode", words[1]);
        Image image = ReferenceData.image(ReferenceData.RGB_FRAME);
        float[][] before = CodedImages.asFloats(image).planes();

        Image stretched = new StfStretch(StfStretchParameters.fromMap(params)).apply(image, new StepContext(backend));

        for (int c = 0; c < 3; c++) {
            float[] after = stretched.plane(c);
            assertWithinUnitRange(after);
            assertOrderKept(before[c], after, curveAndMode + " channel " + c);
            if (words[1].equals("unlinked")) {
                assertThat(OrderStatistics.medianAndMad(after).median()).as("median of channel %d", c).isCloseTo(0.25, offset(0.01));
            }
        }
    }

    @Test
    void colourPreservingAsinhLandsANeutralSkyAndStaysInRange() {
        Image image = ReferenceData.image(ReferenceData.RGB_FRAME);

        Image stretched = new StfStretch(StfStretchParameters.fromMap(Map.of("curve", "asinh"))).apply(image, new StepContext(backend));

        for (int c = 0; c < 3; c++) {
            assertWithinUnitRange(stretched.plane(c));
            assertThat(OrderStatistics.medianAndMad(stretched.plane(c)).median()).as("median of channel %d", c).isCloseTo(0.25, offset(0.01));
        }
    }

    @Test
    void theMtfCurveIsTheStepAsItWas() {
        Image asBefore = ReferenceData.image(ReferenceData.RGB_FRAME);
        Image withCurve = ReferenceData.image(ReferenceData.RGB_FRAME);
        StepContext before = new StepContext(backend);
        StepContext after = new StepContext(backend);

        Image expected = new StfStretch().apply(asBefore, before);
        Image actual = new StfStretch(StfStretchParameters.fromMap(Map.of("curve", "mtf"))).apply(withCurve, after);

        assertThat(after.measurements()).isEqualTo(before.measurements());
        for (int c = 0; c < 3; c++) {
            // isEqualTo compares the arrays in one pass (containsExactly's diff is quadratic on 2 million samples)
            assertThat(actual.plane(c)).isEqualTo(expected.plane(c));
        }
    }

    private static void assertWithinUnitRange(float[] plane) {
        for (float value : plane) {
            if (!(value >= 0f && value <= 1f)) {
                throw new AssertionError("sample outside [0, 1]: " + value);
            }
        }
    }

    /** Pairs (input, output) sorted by input, then output: the outputs must not go down. */
    private static void assertOrderKept(float[] input, float[] output, String what) {
        long[] pairs = new long[input.length];
        for (int i = 0; i < input.length; i++) {
            // non-negative floats order as their bit patterns
            pairs[i] = ((long) Float.floatToIntBits(input[i]) << 32) | Float.floatToIntBits(output[i]);
        }
        Arrays.sort(pairs);
        for (int i = 1; i < pairs.length; i++) {
            if ((int) pairs[i] < (int) pairs[i - 1]) {
                throw new AssertionError(what + ": output goes down after input " + Float.intBitsToFloat((int) (pairs[i] >>> 32)));
            }
        }
    }
}
