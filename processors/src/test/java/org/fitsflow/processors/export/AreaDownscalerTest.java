package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The area average against an independent computation: each output pixel's footprint in source
 * coordinates (doubles), the overlap of every source pixel with it, the weighted mean. The result must be
 * that mean rounded: within 0.5 level (+ 1e-9 for the double arithmetic).
 */
class AreaDownscalerTest {

    @ParameterizedTest(name = "{0} x {1} x {2} to {3} x {4}")
    @CsvSource({"97, 61, 3, 20, 13", "1920, 1080, 3, 320, 180", "1080, 1920, 1, 608, 1080", "333, 200, 3, 332, 199",
            "50, 40, 1, 1, 1", "64, 64, 3, 64, 64"})
    void eachPixelIsTheMeanOfTheAreaItCoversRounded(int sourceWidth, int sourceHeight, int channels, int width, int height) {
        byte[] source = new byte[sourceWidth * sourceHeight * channels];
        new Random(11).nextBytes(source);
        AreaDownscaler downscaler = new AreaDownscaler(sourceWidth, sourceHeight, channels, width, height);

        downscaler.add(0, sourceHeight, source, 0, sourceWidth * channels);

        byte[] result = downscaler.result();
        double[] expected = areaMeans(source, sourceWidth, sourceHeight, channels, width, height);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) (result[i] & 0xFF)).as("sample %d", i).isCloseTo(expected[i], offset(0.5 + 1e-9));
        }
    }

    @Test
    void aOnePixelCheckerboardBecomesUniformMidGreyWhereSkippingPixelsWouldGiveBlackOrWhite() {
        byte[] board = checkerboard(1920, 1080);
        AreaDownscaler downscaler = new AreaDownscaler(1920, 1080, 1, 320, 180);

        downscaler.add(0, 1080, board, 0, 1920);

        // 6 x 6 source pixels per output pixel: 18 black, 18 white, 127.5 rounded half up
        for (byte level : downscaler.result()) {
            assertThat(level & 0xFF).isEqualTo(128);
        }
    }

    @Test
    void aCheckerboardAtAFractionalScaleStaysWithinAFewLevelsOfGreyWithoutMoire() {
        byte[] board = checkerboard(1000, 700);
        AreaDownscaler downscaler = new AreaDownscaler(1000, 700, 1, 320, 224);

        downscaler.add(0, 700, board, 0, 1000);

        // a footprint of 3.125 x 3.125 pixels holds at most a fraction of a pixel more of one colour than
        // the other: 255 x 0.125 x 3.125 x 2 / 9.77 = 20 levels at the very worst, far from 0 or 255
        int[] levels = new int[256];
        for (byte level : downscaler.result()) {
            levels[level & 0xFF]++;
        }
        int darkest = IntStream.range(0, 256).filter(l -> levels[l] > 0).min().orElseThrow();
        int brightest = IntStream.range(0, 256).filter(l -> levels[l] > 0).max().orElseThrow();
        assertThat(darkest).isGreaterThanOrEqualTo(108);
        assertThat(brightest).isLessThanOrEqualTo(148);
    }

    @Test
    void bandsMayArriveInAnyOrderFromSeveralThreadsWithTheSameResult() {
        int width = 777;
        int height = 555;
        byte[] source = new byte[width * height * 3];
        new Random(5).nextBytes(source);
        AreaDownscaler inOrder = new AreaDownscaler(width, height, 3, 100, 71);
        inOrder.add(0, height, source, 0, width * 3);
        AreaDownscaler shuffled = new AreaDownscaler(width, height, 3, 100, 71);
        List<Integer> tops = new ArrayList<>();
        for (int top = 0; top < height; top += 17) {
            tops.add(top);
        }
        Collections.shuffle(tops, new Random(2));

        tops.parallelStream().forEach(top -> {
            int rows = Math.min(17, height - top);
            byte[] band = new byte[rows * width * 3];
            System.arraycopy(source, top * width * 3, band, 0, band.length);
            shuffled.add(top, rows, band, 0, width * 3);
        });

        assertThat(shuffled.result()).isEqualTo(inOrder.result());
    }

    @Test
    void refusesToGiveAResultWhileRowsAreMissingAndToEnlarge() {
        AreaDownscaler downscaler = new AreaDownscaler(100, 100, 1, 10, 10);
        downscaler.add(0, 95, new byte[100 * 95], 0, 100);

        assertThatThrownBy(downscaler::result).isInstanceOf(IllegalStateException.class)
                .hasMessage("only 9 of 10 thumbnail rows have all their source rows");
        assertThatThrownBy(() -> new AreaDownscaler(100, 100, 1, 101, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] checkerboard(int width, int height) {
        byte[] board = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                board[y * width + x] = (byte) ((x + y) % 2 == 0 ? 0 : 255);
            }
        }
        return board;
    }

    /** Each output pixel's footprint [u W / w, (u + 1) W / w) x [v H / h, (v + 1) H / h), integrated in double. */
    private static double[] areaMeans(byte[] source, int sourceWidth, int sourceHeight, int channels, int width, int height) {
        double footprintWidth = (double) sourceWidth / width;
        double footprintHeight = (double) sourceHeight / height;
        double[] means = new double[width * height * channels];
        for (int v = 0; v < height; v++) {
            double top = v * footprintHeight;
            double bottom = top + footprintHeight;
            for (int u = 0; u < width; u++) {
                double left = u * footprintWidth;
                double right = left + footprintWidth;
                for (int y = (int) Math.floor(top); y < Math.min(sourceHeight, Math.ceil(bottom)); y++) {
                    double overlapY = Math.min(y + 1, bottom) - Math.max(y, top);
                    for (int x = (int) Math.floor(left); x < Math.min(sourceWidth, Math.ceil(right)); x++) {
                        double overlap = overlapY * (Math.min(x + 1, right) - Math.max(x, left));
                        for (int c = 0; c < channels; c++) {
                            means[(v * width + u) * channels + c] += overlap * (source[(y * sourceWidth + x) * channels + c] & 0xFF);
                        }
                    }
                }
                for (int c = 0; c < channels; c++) {
                    means[(v * width + u) * channels + c] /= footprintWidth * footprintHeight;
                }
            }
        }
        return means;
    }
}
