package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.ChannelStatistics;
import org.fitsflow.processors.testdata.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Median and MAD of every channel of the reference inputs against the numpy reference. The reference
 * works in float64 on k / 65535, the image holds those values as float32, so the tolerance is 1e-8
 * (the float32 rounding of values near 0.05 is below 4e-9).
 */
class CpuBackendStatisticsTest {
    private static final double TOLERANCE = 1e-8;
    static final List<String> inputs = ReferenceData.STF_INPUTS;

    private final CpuBackend backend = new CpuBackend();

    @ParameterizedTest
    @FieldSource("inputs")
    @SuppressWarnings("unchecked")
    void medianAndMadMatchTheReference(String name) {
        Image image = ReferenceData.image(name);
        List<Map<String, Number>> expected = (List<Map<String, Number>>) ReferenceData.reference(name, "stf").get("channels");

        assertThat(image.channels()).isEqualTo(expected.size());
        for (int c = 0; c < image.channels(); c++) {
            ChannelStatistics statistics = backend.statistics(image.plane(c));
            assertThat(statistics.count()).isEqualTo(image.pixelCount());
            assertThat(statistics.median()).as("%s channel %d median", name, c)
                    .isCloseTo(expected.get(c).get("median").doubleValue(), offset(TOLERANCE));
            assertThat(statistics.mad()).as("%s channel %d MAD", name, c)
                    .isCloseTo(expected.get(c).get("mad").doubleValue(), offset(TOLERANCE));
        }
    }
}
