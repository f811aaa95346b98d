package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.CfaPattern;
import org.fitsflow.processors.testdata.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BilinearDebayerTest {
    private final CpuBackend backend = new CpuBackend();

    /**
     * The shared frame is the bilinear debayer (mirrored edges) of this sub, stored as uint16: every
     * pixel agrees within half a 16-bit level (its rounding) plus float32 rounding.
     */
    @Test
    void reproducesTheSharedDebayeredFrame() {
        Image mosaic = ReferenceData.image(ReferenceData.NGC7023_SUB);
        Image expected = ReferenceData.image(ReferenceData.RGB_FRAME);

        float[][] rgb = backend.debayer(mosaic.plane(0), mosaic.width(), mosaic.height(),
                mosaic.header().summary().bayerPattern());

        assertThat(rgb).hasNumberOfRows(3);
        double tolerance = 0.5 / 65535 + 1e-7;
        for (int c = 0; c < 3; c++) {
            float[] want = expected.plane(c);
            double worst = 0;
            for (int i = 0; i < want.length; i++) {
                worst = Math.max(worst, Math.abs(rgb[c][i] - want[i]));
            }
            assertThat(worst).as("largest difference in channel %d", c).isLessThanOrEqualTo(tolerance);
        }
    }

    @ParameterizedTest
    @EnumSource(CfaPattern.class)
    void uniformColourPerPhotositeGivesUniformPlanes(CfaPattern pattern) {
        int width = 6;
        int height = 5;
        float[] levels = {0.2f, 0.5f, 0.8f};
        float[] mosaic = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mosaic[y * width + x] = levels[pattern.colourAt(y, x)];
            }
        }

        float[][] rgb = backend.debayer(mosaic, width, height, pattern.name());

        for (int c = 0; c < 3; c++) {
            assertThat(rgb[c]).as("plane %d of %s", c, pattern).containsOnly(levels[c]);
        }
    }

    @Test
    void interpolatesALinearRampExactlyInsideAndMirrorsAtTheEdges() {
        int width = 8;
        int height = 4;
        float[] mosaic = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mosaic[y * width + x] = x / 8f;
            }
        }

        float[][] rgb = backend.debayer(mosaic, width, height, "RGGB");

        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 1; x < width - 1; x++) {
                    assertThat(rgb[c][y * width + x]).isEqualTo(x / 8f);
                }
            }
        }
        // at (0, 0), a red site, row -1 reads row 1 and column -1 reads column 1 (value 1/8):
        // green = mean of 0, 0, 1/8, 1/8; blue = mean of the four diagonals, all (1, 1)
        assertThat(rgb[CfaPattern.RED][0]).isEqualTo(0f);
        assertThat(rgb[CfaPattern.GREEN][0]).isEqualTo(1 / 16f);
        assertThat(rgb[CfaPattern.BLUE][0]).isEqualTo(1 / 8f);
    }

    @Test
    void refusesWhatCannotBeDebayered() {
        assertThatThrownBy(() -> backend.debayer(new float[3], 3, 1, "RGGB"))
                .hasMessage("a Bayer mosaic needs at least 2 x 2 pixels, got 3 x 1");
        assertThatThrownBy(() -> backend.debayer(new float[4], 2, 2, "RGBW"))
                .hasMessageStartingWith("unsupported Bayer pattern 'RGBW'");
        assertThatThrownBy(() -> backend.debayer(new float[5], 2, 2, "RGGB"))
                .hasMessage("mosaic length 5 does not match 2 x 2");
    }
}
