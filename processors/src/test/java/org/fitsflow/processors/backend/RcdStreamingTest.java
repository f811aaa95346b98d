package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.CfaPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RCD debayer streamed row by row through one window per core gives the planes of the banded version it
 * replaced ({@link RcdBandedReference}) bit for bit, whether it allocates its planes or fills the caller's.
 */
class RcdStreamingTest {
    static Stream<Path> subs() throws IOException {
        return SeestarSubs.all().stream();
    }

    @ParameterizedTest
    @MethodSource("subs")
    void givesTheBandedPlanesBitForBitOnTheRealSubs(Path file) throws IOException {
        Image sub = FitsReader.read(file);
        CfaPattern pattern = CfaPattern.parse(sub.header().summary().bayerPattern());

        float[][] streamed = RcdDebayer.debayer(sub.plane(0), sub.width(), sub.height(), pattern);

        assertSameBits(streamed, RcdBandedReference.debayer(sub.plane(0), sub.width(), sub.height(), pattern));
    }

    /**
     * Sizes from the smallest through window and core boundaries, odd widths and heights, and photosites below 0,
     * above 1 and not finite, which the debayer clips.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2x2", "3x2", "2x5", "7x3", "11x13", "64x300", "33x127", "40x128", "41x129", "20x236",
            "21x237", "50x475", "301x1000"})
    void givesTheBandedPlanesBitForBitOnAnySize(String size) {
        int width = Integer.parseInt(size.split("x")[0]);
        int height = Integer.parseInt(size.split("x")[1]);
        for (CfaPattern pattern : CfaPattern.values()) {
            float[] mosaic = randomMosaic(width, height, width * 1000L + height);

            assertSameBits(RcdDebayer.debayer(mosaic, width, height, pattern),
                    RcdBandedReference.debayer(mosaic, width, height, pattern));
        }
    }

    @ParameterizedTest
    @EnumSource(CfaPattern.class)
    void fillsTheGivenPlanesWithWhatItWouldAllocate(CfaPattern pattern) {
        int width = 123;
        int height = 457;
        float[] mosaic = randomMosaic(width, height, 9);
        float[][] given = new float[3][width * height];
        for (float[] plane : given) {
            Arrays.fill(plane, Float.NaN);
        }

        new CpuBackend().debayer(mosaic, width, height, pattern.name(), DebayerMethod.RCD, given);

        assertSameBits(given, RcdDebayer.debayer(mosaic, width, height, pattern));
    }

    @Test
    void refusesPlanesOfAnotherSize() {
        float[] mosaic = new float[12];
        assertThatThrownBy(() -> RcdDebayer.debayer(mosaic, 4, 3, CfaPattern.RGGB, new float[3][11]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 planes of 12 pixels");
        assertThatThrownBy(() -> RcdDebayer.debayer(mosaic, 4, 3, CfaPattern.RGGB, new float[2][12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 planes of 12 pixels");
    }

    private static float[] randomMosaic(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] mosaic = new float[width * height];
        float[] odd = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.2f, 1.5f};
        for (int i = 0; i < mosaic.length; i++) {
            mosaic[i] = random.nextInt(200) == 0 ? odd[random.nextInt(odd.length)]
                    : (float) (random.nextDouble() * random.nextDouble());
        }
        return mosaic;
    }

    private static void assertSameBits(float[][] actual, float[][] expected) {
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < expected[c].length; i++) {
                if (Float.floatToRawIntBits(actual[c][i]) != Float.floatToRawIntBits(expected[c][i])) {
                    assertThat(actual[c][i]).as("plane %d, pixel %d", c, i).isEqualTo(expected[c][i]);
                }
            }
        }
    }
}
