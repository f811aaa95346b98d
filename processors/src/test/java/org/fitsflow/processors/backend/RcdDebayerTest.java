package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.CfaPattern;
import org.fitsflow.processors.testdata.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RCD debayer on synthetic mosaics whose true colours are known, against the bilinear debayer as the
 * baseline; its stars against Siril's RCD are in {@code analysis.RcdAgainstSirilTest}.
 */
class RcdDebayerTest {
    private static final double[] GREY_DARK = {0.2, 0.2, 0.2};
    private static final double[] GREY_LIGHT = {0.8, 0.8, 0.8};
    private static final double[] ORANGE = {0.8, 0.5, 0.1};
    private static final double[] BLUE = {0.1, 0.4, 0.7};

    private final CpuBackend backend = new CpuBackend();

    @ParameterizedTest
    @EnumSource(CfaPattern.class)
    void uniformColourPerPhotositeGivesUniformPlanes(CfaPattern pattern) {
        int width = 40;
        int height = 30;
        float[] levels = {0.2f, 0.5f, 0.8f};
        float[] mosaic = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mosaic[y * width + x] = levels[pattern.colourAt(y, x)];
            }
        }

        float[][] rgb = rcd(mosaic, width, height, pattern);

        for (int c = 0; c < 3; c++) {
            for (float v : rgb[c]) {
                assertThat(v).as("plane %d of %s", c, pattern).isCloseTo(levels[c], within(1e-6f));
            }
        }
    }

    @Test
    void keepsEachPhotositesOwnSample() {
        Image sub = ReferenceData.image(ReferenceData.NGC7023_SUB);
        float[] mosaic = sub.plane(0);
        CfaPattern pattern = CfaPattern.parse(sub.header().summary().bayerPattern());

        float[][] rgb = rcd(mosaic, sub.width(), sub.height(), pattern);

        for (int y = 0; y < sub.height(); y++) {
            for (int x = 0; x < sub.width(); x++) {
                int i = y * sub.width() + x;
                assertThat(rgb[pattern.colourAt(y, x)][i]).isEqualTo(mosaic[i]);
            }
        }
    }

    /**
     * The ratio correction is exact on a linear ramp: a neighbour times the ratio of low-pass levels is the centre.
     * Within {@link RcdWindow#MARGIN} of the edges the mirrored ramp folds, so only the inside is checked.
     */
    @Test
    void interpolatesALinearRampOfGreyExactlyInside() {
        int width = 60;
        int height = 50;
        float[] mosaic = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mosaic[y * width + x] = (float) (0.1 + 0.006 * x + 0.004 * y);
            }
        }

        float[][] rgb = rcd(mosaic, width, height, CfaPattern.RGGB);

        int margin = RcdWindow.MARGIN;
        for (int c = 0; c < 3; c++) {
            for (int y = margin; y < height - margin; y++) {
                for (int x = margin; x < width - margin; x++) {
                    int i = y * width + x;
                    assertThat(rgb[c][i]).as("plane %d at %d,%d", c, x, y).isCloseTo(mosaic[i], within(1e-5f));
                }
            }
        }
    }

    /**
     * Grey sky with Gaussian noise: no zipper, i.e. no pattern of period two in any plane. Means over even and
     * odd columns (and rows) agree within 4 standard errors, and interpolation does not add noise.
     */
    @ParameterizedTest
    @EnumSource(CfaPattern.class)
    void leavesAFlatNoisySkyFlatWithoutZipper(CfaPattern pattern) {
        int width = 300;
        int height = 200;
        double noise = 0.003;
        Random random = new Random(3);
        float[] mosaic = new float[width * height];
        for (int i = 0; i < mosaic.length; i++) {
            mosaic[i] = (float) (0.3 + noise * random.nextGaussian());
        }

        float[][] rgb = rcd(mosaic, width, height, pattern);

        double standardError = noise / Math.sqrt(width * height / 2.0);
        for (int c = 0; c < 3; c++) {
            double[] columns = new double[2];
            double[] rows = new double[2];
            double sumOfSquares = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double v = rgb[c][y * width + x];
                    columns[x & 1] += v;
                    rows[y & 1] += v;
                    sumOfSquares += (v - 0.3) * (v - 0.3);
                }
            }
            double half = width * height / 2.0;
            assertThat(Math.abs(columns[0] - columns[1]) / half).as("column zipper in plane %d", c)
                    .isLessThan(4 * standardError);
            assertThat(Math.abs(rows[0] - rows[1]) / half).as("row zipper in plane %d", c).isLessThan(4 * standardError);
            assertThat(Math.sqrt(sumOfSquares / (width * height))).as("noise of plane %d", c).isLessThan(noise * 1.02);
        }
    }

    /**
     * A step between two greys (0.2 and 0.8): exact along rows and columns (bilinear's mean error within 3 pixels
     * of the edge: 0.042), at most half bilinear's error on slanted edges (measured 0.011 and 0.019 against 0.051
     * and 0.046), ringing at most 5 % of the step (measured 3.2 % on the steep edge, 0 elsewhere), and exact 4
     * pixels away.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vertical", "horizontal", "diagonal", "steep"})
    void keepsGreyEdgesSharpWithoutRinging(String orientation) {
        EdgeQuality rcd = EdgeQuality.of(DebayerMethod.RCD, orientation, GREY_DARK, GREY_LIGHT);
        EdgeQuality bilinear = EdgeQuality.of(DebayerMethod.BILINEAR, orientation, GREY_DARK, GREY_LIGHT);

        assertThat(rcd.meanErrorNearEdge()).isLessThanOrEqualTo(bilinear.meanErrorNearEdge() / 2);
        assertThat(rcd.overshoot()).isLessThanOrEqualTo(0.05);
        assertThat(rcd.worstErrorAway()).isLessThan(1e-6);
    }

    /**
     * A step between orange and blue, where colour differences are not smooth (the case colour-difference
     * debayers are weakest at): still less false colour within 3 pixels of the edge than bilinear (mean error
     * 0.032 to 0.036 against 0.038 to 0.044), overshoot at most a quarter of the step (measured 0 along rows and
     * columns, 19 to 20 % on slanted edges; bilinear, a mean of neighbours, never overshoots), exact 4 pixels
     * away.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vertical", "horizontal", "diagonal", "steep"})
    void makesLessFalseColourThanBilinearAtHueEdges(String orientation) {
        EdgeQuality rcd = EdgeQuality.of(DebayerMethod.RCD, orientation, ORANGE, BLUE);
        EdgeQuality bilinear = EdgeQuality.of(DebayerMethod.BILINEAR, orientation, ORANGE, BLUE);

        assertThat(rcd.meanErrorNearEdge()).isLessThan(bilinear.meanErrorNearEdge());
        assertThat(rcd.overshoot()).isLessThanOrEqualTo(0.25);
        assertThat(rcd.worstErrorAway()).isLessThan(1e-6);
    }

    @Test
    void givesFiniteValuesInRangeForAnyInput() {
        int width = 97;
        int height = 211;
        Random random = new Random(11);
        float[] mosaic = new float[width * height];
        for (int i = 0; i < mosaic.length; i++) {
            double u = random.nextDouble();
            mosaic[i] = u < 0.01 ? Float.NaN : u < 0.02 ? Float.POSITIVE_INFINITY : u < 0.05 ? -0.2f
                    : u < 0.08 ? 1.5f : u < 0.1 ? 0f : (float) random.nextDouble();
        }

        float[][] rgb = rcd(mosaic, width, height, CfaPattern.GBRG);

        for (float[] plane : rgb) {
            for (float v : plane) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    /** Bands of 96 rows with halos: a frame cut around the band boundaries (rows 96 and 192) gives the same rows. */
    @Test
    void givesTheSameRowsWhateverBandTheyFallIn() {
        int width = 64;
        int height = 300;
        Random random = new Random(5);
        float[] mosaic = new float[width * height];
        for (int i = 0; i < mosaic.length; i++) {
            mosaic[i] = (float) (0.2 + 0.5 * random.nextDouble() * random.nextDouble());
        }
        int top = 50;
        int rows = 200;
        float[] cut = new float[width * rows];
        System.arraycopy(mosaic, top * width, cut, 0, cut.length);

        float[][] whole = rcd(mosaic, width, height, CfaPattern.GRBG);
        float[][] part = rcd(cut, width, rows, CfaPattern.GRBG);

        int margin = RcdWindow.MARGIN;
        for (int c = 0; c < 3; c++) {
            for (int y = margin; y < rows - margin; y++) {
                for (int x = 0; x < width; x++) {
                    assertThat(part[c][y * width + x]).as("plane %d row %d column %d", c, top + y, x)
                            .isEqualTo(whole[c][(top + y) * width + x]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2x2", "3x2", "2x5", "7x3", "11x13"})
    void debayersTheSmallestMosaicsThroughMirroredEdges(String size) {
        int width = Integer.parseInt(size.split("x")[0]);
        int height = Integer.parseInt(size.split("x")[1]);
        Random random = new Random(width * 31L + height);
        float[] mosaic = new float[width * height];
        for (int i = 0; i < mosaic.length; i++) {
            mosaic[i] = (float) random.nextDouble();
        }

        float[][] rgb = rcd(mosaic, width, height, CfaPattern.BGGR);

        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                assertThat(rgb[CfaPattern.BGGR.colourAt(y, x)][i]).isEqualTo(mosaic[i]);
                for (float[] plane : rgb) {
                    assertThat(plane[i]).isBetween(0f, 1f);
                }
            }
        }
    }

    @Test
    void refusesWhatCannotBeDebayered() {
        assertThatThrownBy(() -> backend.debayer(new float[3], 3, 1, "RGGB", DebayerMethod.RCD))
                .hasMessage("a Bayer mosaic needs at least 2 x 2 pixels, got 3 x 1");
        assertThatThrownBy(() -> backend.debayer(new float[4], 2, 2, "RGBW", DebayerMethod.RCD))
                .hasMessageStartingWith("unsupported Bayer pattern 'RGBW'");
        assertThatThrownBy(() -> backend.debayer(new float[5], 2, 2, "RGGB", DebayerMethod.RCD))
                .hasMessage("mosaic length 5 does not match 2 x 2");
    }

    @Test
    void namesItsMethodsAsPipelinesWriteThem() {
        assertThat(DebayerMethod.parse(" RCD ")).isEqualTo(DebayerMethod.RCD);
        assertThat(DebayerMethod.parse("bilinear")).isEqualTo(DebayerMethod.BILINEAR);
        assertThat(DebayerMethod.RCD.yamlName()).isEqualTo("rcd");
        assertThatThrownBy(() -> DebayerMethod.parse("vng"))
                .hasMessage("unknown debayer method 'vng': expected one of rcd, bilinear");
    }

    private float[][] rcd(float[] mosaic, int width, int height, CfaPattern pattern) {
        return backend.debayer(mosaic, width, height, pattern.name(), DebayerMethod.RCD);
    }

    /**
     * An 80 x 80 GRBG mosaic of two flat colours meeting at a straight edge, debayered: the largest overshoot
     * beyond the two colours (as a share of the step, over all channels), the mean absolute error within 3 pixels
     * of the edge and the largest error 4 pixels or more away (10-pixel frame border left out).
     */
    private record EdgeQuality(double overshoot, double meanErrorNearEdge, double worstErrorAway) {
        private static final int SIZE = 80;

        static EdgeQuality of(DebayerMethod method, String orientation, double[] first, double[] second) {
            float[] mosaic = new float[SIZE * SIZE];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double[] colour = distance(orientation, x, y) < 0 ? first : second;
                    mosaic[y * SIZE + x] = (float) colour[CfaPattern.GRBG.colourAt(y, x)];
                }
            }
            float[][] rgb = new CpuBackend().debayer(mosaic, SIZE, SIZE, "GRBG", method);
            double overshoot = 0;
            double errorNear = 0;
            int near = 0;
            double worstAway = 0;
            for (int y = 10; y < SIZE - 10; y++) {
                for (int x = 10; x < SIZE - 10; x++) {
                    double d = distance(orientation, x, y);
                    double[] truth = d < 0 ? first : second;
                    for (int c = 0; c < 3; c++) {
                        double v = rgb[c][y * SIZE + x];
                        double low = Math.min(first[c], second[c]);
                        double high = Math.max(first[c], second[c]);
                        overshoot = Math.max(overshoot, Math.max(low - v, v - high) / (high - low));
                        double error = Math.abs(v - truth[c]);
                        if (Math.abs(d) < 3) {
                            errorNear += error;
                            near++;
                        } else if (Math.abs(d) >= 4) {
                            worstAway = Math.max(worstAway, error);
                        }
                    }
                }
            }
            return new EdgeQuality(overshoot, errorNear / near, worstAway);
        }

        /** Signed distance in pixels from the edge, which passes between pixel centres. */
        private static double distance(String orientation, int x, int y) {
            return switch (orientation) {
                case "vertical" -> x - 40.5;
                case "horizontal" -> y - 40.5;
                case "diagonal" -> (x - y + 0.5) / Math.sqrt(2);
                case "steep" -> (2 * x - y - 40.5) / Math.sqrt(5);
                default -> throw new IllegalArgumentException(orientation);
            };
        }
    }
}
