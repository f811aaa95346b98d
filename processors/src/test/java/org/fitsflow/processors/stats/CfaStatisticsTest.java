package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.testdata.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Photosite statistics of the raw subs against {@code NAME.cfa.json}; tolerance 1e-8 (float32 storage). */
class CfaStatisticsTest {
    private static final double TOLERANCE = 1e-8;
    static final List<String> subs = ReferenceData.RAW_SUBS;

    @ParameterizedTest
    @FieldSource("subs")
    @SuppressWarnings("unchecked")
    void photositeStatisticsMatchTheReference(String name) {
        Image mosaic = ReferenceData.image(name);
        Map<String, Object> reference = ReferenceData.reference(name, "cfa");
        CfaPattern pattern = CfaPattern.parse(mosaic.header().summary().bayerPattern());
        assertThat(pattern.name()).isEqualTo(reference.get("bayer_pattern"));

        CfaStatistics statistics = CfaStatistics.of(mosaic.plane(0), mosaic.width(), mosaic.height(), pattern, new CpuBackend());

        Map<String, Map<String, Number>> sites = (Map<String, Map<String, Number>>) reference.get("sites");
        assertSite(statistics.red(), sites.get("R"), mosaic.pixelCount() / 4);
        assertSite(statistics.green(), sites.get("G"), mosaic.pixelCount() / 2);
        assertSite(statistics.blue(), sites.get("B"), mosaic.pixelCount() / 4);
    }

    @Test
    void sortsEachPhotositeIntoItsColour() {
        // GRBG 3 x 3: colours of the sites are G R G / B G B / G R G
        float[] mosaic = {0.5f, 0.1f, 0.5f, 0.9f, 0.5f, 0.9f, 0.5f, 0.1f, 0.5f};

        CfaStatistics statistics = CfaStatistics.of(mosaic, 3, 3, CfaPattern.GRBG, new CpuBackend());

        assertThat(statistics.red()).isEqualTo(new ChannelStatistics(0.1f, 0, 2));
        assertThat(statistics.green()).isEqualTo(new ChannelStatistics(0.5f, 0, 5));
        assertThat(statistics.blue()).isEqualTo(new ChannelStatistics(0.9f, 0, 2));
    }

    @Test
    void rejectsAMosaicOfTheWrongSize() {
        assertThatThrownBy(() -> CfaStatistics.of(new float[5], 2, 2, CfaPattern.RGGB, new CpuBackend()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mosaic length 5 does not match 2 x 2");
    }

    private static void assertSite(ChannelStatistics actual, Map<String, Number> expected, long count) {
        assertThat(actual.count()).isEqualTo(count);
        assertThat(actual.median()).isCloseTo(expected.get("median").doubleValue(), offset(TOLERANCE));
        assertThat(actual.mad()).isCloseTo(expected.get("mad").doubleValue(), offset(TOLERANCE));
    }
}
