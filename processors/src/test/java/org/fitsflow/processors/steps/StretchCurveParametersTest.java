package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.junit.jupiter.api.Test;

class StretchCurveParametersTest {

    @Test
    void withoutACurveTheStepKeepsTheMidtonesTransfer() {
        assertThat(StfStretchParameters.fromMap(Map.of()).curve()).isEqualTo(StretchCurve.MTF);
        assertThat(StfStretchParameters.fromMap(Map.of("curve", "mtf"))).isEqualTo(StfStretchParameters.defaults());
    }

    @Test
    void readsTheAsinhKeysAndLeavesTheStrengthToTheImageWhenAbsent() {
        assertThat(StfStretchParameters.fromMap(Map.of("curve", "asinh")).curve()).isEqualTo(StretchCurve.Asinh.DEFAULTS);
        assertThat(StfStretchParameters.fromMap(Map.of("curve", "ASINH", "asinh_stretch", 150, "asinh_preserve_colour", false))
                .curve()).isEqualTo(new StretchCurve.Asinh(OptionalDouble.of(150), false));
    }

    @Test
    void readsTheGhsKeys() {
        StfStretchParameters parameters = StfStretchParameters.fromMap(Map.of("curve", "ghs", "mode", "linked",
                "ghs_stretch", 4.5, "ghs_local_intensity", -1, "ghs_symmetry_point", 0.02,
                "ghs_shadow_protection", 0.01, "ghs_highlight_protection", 0.8));

        assertThat(parameters.mode()).isEqualTo(StretchMode.LINKED);
        assertThat(parameters.curve()).isEqualTo(new StretchCurve.Ghs(OptionalDouble.of(4.5), -1, OptionalDouble.of(0.02), 0.01, 0.8));
        assertThat(StfStretchParameters.fromMap(Map.of("curve", "ghs")).curve()).isEqualTo(StretchCurve.Ghs.DEFAULTS);
    }

    @Test
    void namesTheKeyAtFault() {
        assertRefused(Map.of("curve", "gamma"), "histogram_stretch: curve must be one of mtf, asinh, ghs, got 'gamma'");
        assertRefused(Map.of("curve", "asinh", "asinh_stretch", 0), "histogram_stretch: asinh_stretch must be in (0, 1000000], got 0.0");
        assertRefused(Map.of("curve", "asinh", "asinh_stretch", "strong"), "histogram_stretch: asinh_stretch must be a number, got 'strong'");
        assertRefused(Map.of("curve", "asinh", "asinh_preserve_colour", "yes"),
                "histogram_stretch: asinh_preserve_colour must be true or false, got 'yes'");
        assertRefused(Map.of("curve", "ghs", "ghs_stretch", 12), "histogram_stretch: ghs_stretch must be in [0, 10] (it is ln(D + 1)), got 12.0");
        assertRefused(Map.of("curve", "ghs", "ghs_local_intensity", -6), "histogram_stretch: ghs_local_intensity must be in [-5, 15], got -6.0");
        assertRefused(Map.of("curve", "ghs", "ghs_symmetry_point", 1.2), "histogram_stretch: ghs_symmetry_point must be between 0 and 1, got 1.2");
        assertRefused(Map.of("curve", "ghs", "ghs_highlight_protection", -0.1),
                "histogram_stretch: ghs_highlight_protection must be between 0 and 1, got -0.1");
        assertRefused(Map.of("curve", "ghs", "ghs_symmetry_point", 0.1, "ghs_shadow_protection", 0.2),
                "histogram_stretch: need ghs_shadow_protection <= ghs_symmetry_point <= ghs_highlight_protection, got 0.2, 0.1 and 1.0");
        assertRefused(Map.of("curve", "ghs", "ghs_shadow_protection", 0.6, "ghs_highlight_protection", 0.5),
                "histogram_stretch: need ghs_shadow_protection <= ghs_symmetry_point <= ghs_highlight_protection, got 0.6, the median and 0.5");
    }

    @Test
    void refusesKeysThatWouldHaveNoEffect() {
        assertRefused(Map.of("ghs_stretch", 3), "histogram_stretch: ghs_stretch applies to curve: ghs, not to curve: mtf");
        assertRefused(Map.of("curve", "ghs", "asinh_stretch", 3), "histogram_stretch: asinh_stretch applies to curve: asinh, not to curve: ghs");
        assertRefused(Map.of("curve", "ghs", "ghs_stretch", 3, "target_background", 0.2),
                "histogram_stretch: target_background has no effect with an explicit ghs_stretch; give one or the other");
        assertRefused(Map.of("curve", "asinh", "mode", "percentile"),
                "histogram_stretch: curve asinh needs mode linked or unlinked: the percentile mode maps its points with the midtones transfer");
    }

    private static void assertRefused(Map<String, Object> params, String message) {
        assertThatThrownBy(() -> StfStretchParameters.fromMap(params))
                .isInstanceOf(InvalidPipelineException.class)
                .hasMessage(message);
    }
}
