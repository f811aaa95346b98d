package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.junit.jupiter.api.Test;

class StfStretchParametersTest {

    @Test
    void absentKeysTakeTheDefaults() {
        assertThat(StfStretchParameters.fromMap(Map.of())).isEqualTo(StfStretchParameters.defaults());
        assertThat(StfStretchParameters.defaults()).isEqualTo(
                new StfStretchParameters(StretchMode.UNLINKED, -2.8, 0.25, 0.1, 99.9, 0.5));
    }

    @Test
    void readsThePipelineYamlKeys() {
        StfStretchParameters parameters = StfStretchParameters.fromMap(
                Map.of("mode", "Linked", "shadows_clip", -3, "target_background", 0.2));

        assertThat(parameters.mode()).isEqualTo(StretchMode.LINKED);
        assertThat(parameters.shadowsClip()).isEqualTo(-3.0);
        assertThat(parameters.targetBackground()).isEqualTo(0.2);
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> StfStretchParameters.fromMap(Map.of("strength", 2)))
                .isInstanceOf(InvalidPipelineException.class)
                .hasMessageStartingWith("histogram_stretch: unknown parameter 'strength'");
        assertThatThrownBy(() -> StfStretchParameters.fromMap(Map.of("mode", "auto")))
                .isInstanceOf(InvalidPipelineException.class)
                .hasMessage("histogram_stretch: unknown stretch mode 'auto': expected one of linked, unlinked, percentile");
        assertThatThrownBy(() -> StfStretchParameters.fromMap(Map.of("target_background", "dark")))
                .hasMessage("histogram_stretch: target_background must be a number, got 'dark'");
        assertThatThrownBy(() -> StfStretchParameters.fromMap(Map.of("target_background", 1.5)))
                .hasMessage("histogram_stretch: target_background must be between 0 and 1 (exclusive), got 1.5");
        assertThatThrownBy(() -> StfStretchParameters.fromMap(Map.of("black_percentile", 99.95)))
                .hasMessage("histogram_stretch: need 0 <= black_percentile < white_percentile <= 100, got 99.95 and 99.9");
    }
}
