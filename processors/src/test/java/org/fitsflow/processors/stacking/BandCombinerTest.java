package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fitsflow.processors.stacking.rejection.PixelRejection;
import org.fitsflow.processors.stacking.rejection.PixelStack;
import org.fitsflow.processors.stacking.rejection.RejectionAlgorithm;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The band combine against the plainest use of the rejection API, pixel by pixel: a {@link PixelStack} of
 * the frames' normalised values in frame order, {@link PixelRejection#reject}, its weighted mean and counts.
 * The combine sorts many pixels at once and, for the rejections that keep a range of the sorted values, takes
 * the mean itself; the master, coverage and rejection maps must be the same floats and counts. Frames of 16-bit
 * codes (so ties are common) around a sky of 0.1, noise 0.004, with a few frames far off at some pixels,
 * frames shifted so that borders leave pixels with few values, two columns that no frame covers, per-frame
 * gain, offset and weight.
 */
class BandCombinerTest {
    private static final int WIDTH = 301;
    private static final int HEIGHT = 23;

    @ParameterizedTest(name = "{0}")
    @EnumSource(RejectionAlgorithm.class)
    void combinesAsThePixelStackDoesPixelByPixel(RejectionAlgorithm algorithm, @TempDir Path directory)
            throws IOException {
        RejectionParameters parameters = RejectionParameters.DEFAULTS.withAlgorithm(algorithm);
        for (int frames : new int[] {2, 7, 32, 96}) {
            Random random = new Random(frames * 31L + algorithm.ordinal());
            float[][][] values = new float[frames][2][WIDTH * HEIGHT];
            List<FrameCoefficients> coefficients = new ArrayList<>();
            try (RegisteredFrameStore store = new RegisteredFrameStore(directory, frames, WIDTH, HEIGHT)) {
                ByteBuffer buffer = store.buffer(HEIGHT);
                for (int f = 0; f < frames; f++) {
                    int left = random.nextInt(4) == 0 ? random.nextInt(WIDTH) : 0;
                    for (int c = 0; c < 2; c++) {
                        float[] plane = new float[WIDTH * HEIGHT];
                        for (int i = 0; i < plane.length; i++) {
                            double sky = 0.1 + 0.004 * random.nextGaussian();
                            double outlier = random.nextInt(50) == 0 ? random.nextDouble() * 0.8 - 0.1 : 0;
                            int x = i % WIDTH;
                            plane[i] = x < left || x >= WIDTH - 2 ? Float.NaN : (float) (sky + outlier);
                        }
                        store.writeRows(f, c, 0, HEIGHT, plane, buffer);
                        short[] codes = new short[plane.length];
                        store.readRows(f, c, 0, HEIGHT, buffer, codes);
                        for (int i = 0; i < plane.length; i++) {
                            values[f][c][i] = RegisteredFrameStore.value(codes[i]);
                        }
                    }
                    float gain = (float) (0.8 + 0.4 * random.nextDouble());
                    coefficients.add(new FrameCoefficients(new float[] {gain, 1f / gain},
                            new float[] {(float) (0.01 * random.nextGaussian()), 0f},
                            new float[] {(float) (0.5 + random.nextDouble()), 1f}));
                }
                CombinedStack combined = new BandCombiner(parameters, true)
                        .combine(store, coefficients, WIDTH, HEIGHT, 2, () -> { });
                assertPixelByPixel(combined, values, coefficients, parameters, frames);
            }
        }
    }

    private static void assertPixelByPixel(CombinedStack combined, float[][][] values,
                                           List<FrameCoefficients> coefficients, RejectionParameters parameters,
                                           int frames) {
        PixelStack stack = new PixelStack(frames);
        PixelRejection rejection = PixelRejection.of(parameters, frames);
        for (int c = 0; c < 2; c++) {
            float[] weights = new float[frames];
            for (int f = 0; f < frames; f++) {
                weights[f] = coefficients.get(f).weight()[c];
            }
            for (int i = 0; i < WIDTH * HEIGHT; i++) {
                stack.clear();
                for (int f = 0; f < frames; f++) {
                    float v = values[f][c][i];
                    if (!Float.isNaN(v)) {
                        stack.add(v * coefficients.get(f).gain()[c] + coefficients.get(f).offset()[c], f);
                    }
                }
                String where = frames + " frames, channel " + c + ", pixel " + i;
                if (c == 0) {
                    assertThat(combined.coverage()[i]).as(where).isEqualTo((short) stack.size());
                }
                float expected = Float.NaN;
                if (stack.size() > 0) {
                    rejection.reject(stack);
                    expected = (float) stack.weightedMean(weights);
                }
                assertThat(Float.floatToIntBits(combined.planes()[c][i])).as(where)
                        .isEqualTo(Float.floatToIntBits(expected));
                assertThat(combined.rejectedLow()[c][i]).as(where).isEqualTo((short) stack.rejectedLow());
                assertThat(combined.rejectedHigh()[c][i]).as(where).isEqualTo((short) stack.rejectedHigh());
            }
        }
    }
}
