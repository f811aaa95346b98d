package org.fitsflow.processors.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.Raster;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.export.Quantizer;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.testdata.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The auto-stretch against the numpy reference, with the tolerances of shared/data/SOURCES.md: STF
 * parameters within 1e-4 absolute, stretched 8-bit pixels within 1 level on at least 99.9 % of pixels.
 * Raw subs are stretched as one channel, as their grey reference PNGs are.
 */
class StfStretchReferenceTest {
    private static final double PARAMETER_TOLERANCE = 1e-4;
    private static final double MIN_SHARE_WITHIN_ONE_LEVEL = 0.999;

    static List<Arguments> inputsAndModes() {
        return ReferenceData.STF_INPUTS.stream()
                .flatMap(name -> List.of(StretchMode.LINKED, StretchMode.UNLINKED).stream().map(mode -> Arguments.of(name, mode)))
                .toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("inputsAndModes")
    @SuppressWarnings("unchecked")
    void parametersAndPixelsMatchTheReference(String name, StretchMode mode) {
        Image image = ReferenceData.image(name);
        StepContext context = new StepContext(new CpuBackend());
        StfStretch stretch = new StfStretch(StfStretchParameters.defaults().withMode(mode));

        Image stretched = stretch.apply(image, context);

        List<Map<String, Number>> expected = (List<Map<String, Number>>) ReferenceData.reference(name, "stf").get(mode.yamlName());
        Map<String, Object> measured = (Map<String, Object>) context.measurements().get(StfStretch.NAME);
        List<Double> c0 = (List<Double>) measured.get("c0");
        List<Double> m = (List<Double>) measured.get("m");
        assertThat(c0).hasSize(expected.size());
        for (int c = 0; c < expected.size(); c++) {
            assertThat(c0.get(c)).as("c0 of channel %d", c).isCloseTo(expected.get(c).get("c0").doubleValue(), offset(PARAMETER_TOLERANCE));
            assertThat(m.get(c)).as("m of channel %d", c).isCloseTo(expected.get(c).get("m").doubleValue(), offset(PARAMETER_TOLERANCE));
        }

        Raster png = ReferenceData.png(name, "stf-" + mode.yamlName());
        assertThat(png.getNumBands()).isEqualTo(stretched.channels());
        assertThat(png.getWidth()).isEqualTo(stretched.width());
        assertThat(png.getHeight()).isEqualTo(stretched.height());
        for (int c = 0; c < stretched.channels(); c++) {
            assertThat(shareWithinOneLevel(stretched, c, png)).as("share of channel %d within one level", c)
                    .isGreaterThanOrEqualTo(MIN_SHARE_WITHIN_ONE_LEVEL);
        }
    }

    /** FITS row 0 is the bottom row of the PNG. */
    private static double shareWithinOneLevel(Image image, int channel, Raster png) {
        float[] plane = image.plane(channel);
        int width = image.width();
        int height = image.height();
        int[] pngRow = new int[width];
        long within = 0;
        for (int y = 0; y < height; y++) {
            png.getSamples(0, height - 1 - y, width, 1, channel, pngRow);
            for (int x = 0; x < width; x++) {
                if (Math.abs(Quantizer.level8(plane[y * width + x]) - pngRow[x]) <= 1) {
                    within++;
                }
            }
        }
        return within / (double) plane.length;
    }
}
