package org.fitsflow.processors.stacking.rejection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sorting network against {@link Arrays#sort} on columns of every height from 1 to 130 frames (powers of
 * two and the sizes between), with ties and +infinity for frames that miss a pixel; and a rejection told the
 * network's order rejects exactly as one that sorts each stack itself.
 */
class SortingNetworkTest {

    @Test
    void sortsEveryColumnAsArraysSortDoes() {
        Random random = new Random(7);
        int columns = 37;
        for (int frames = 1; frames <= 130; frames++) {
            float[][] lanes = new float[frames][columns];
            float[][] expected = new float[columns][frames];
            for (int k = 0; k < columns; k++) {
                for (int f = 0; f < frames; f++) {
                    float v = switch (random.nextInt(6)) {
                        case 0 -> Float.POSITIVE_INFINITY;
                        case 1 -> random.nextInt(3);
                        default -> (float) random.nextGaussian();
                    };
                    lanes[f][k] = v;
                    expected[k][f] = v;
                }
                Arrays.sort(expected[k]);
            }
            new SortingNetwork(frames).sort(lanes, columns);
            for (int k = 0; k < columns; k++) {
                float[] column = new float[frames];
                for (int f = 0; f < frames; f++) {
                    column[f] = lanes[f][k];
                }
                assertThat(column).as("%d frames, column %d", frames, k).containsExactly(expected[k]);
            }
        }
    }

    @Test
    void aRejectionToldTheSortedOrderKeepsWhatItKeepsWhenItSortsItself() {
        Random random = new Random(11);
        for (RejectionAlgorithm algorithm : new RejectionAlgorithm[] {RejectionAlgorithm.SIGMA,
                RejectionAlgorithm.WINSORIZED, RejectionAlgorithm.GESD}) {
            for (int frames : new int[] {12, 32, 96}) {
                RejectionParameters parameters = RejectionParameters.DEFAULTS.withAlgorithm(algorithm);
                PixelRejection rejection = PixelRejection.of(parameters, frames);
                float[] weights = new float[frames];
                Arrays.fill(weights, 1f);
                int rejected = 0;
                for (int pixel = 0; pixel < 500; pixel++) {
                    float[] values = new float[frames];
                    for (int f = 0; f < frames; f++) {
                        values[f] = (float) (0.1 + 0.01 * random.nextGaussian() + (random.nextInt(20) == 0 ? 0.3 : 0));
                    }
                    PixelStack sorting = stackOf(values);
                    rejection.reject(sorting);
                    PixelStack told = stackOf(values);
                    float[][] lanes = new float[frames][1];
                    for (int f = 0; f < frames; f++) {
                        lanes[f][0] = values[f];
                    }
                    new SortingNetwork(frames).sort(lanes, 1);
                    float[] column = new float[frames];
                    for (int f = 0; f < frames; f++) {
                        column[f] = lanes[f][0];
                    }
                    told.setSorted(column);
                    rejection.reject(told);
                    assertThat(told.rejectedLow()).isEqualTo(sorting.rejectedLow());
                    assertThat(told.rejectedHigh()).isEqualTo(sorting.rejectedHigh());
                    assertThat(told.weightedMean(weights)).isEqualTo(sorting.weightedMean(weights));
                    rejected += sorting.rejectedHigh();
                }
                assertThat(rejected).as("%s at %d frames rejects the planted outliers", algorithm, frames).isPositive();
            }
        }
    }

    private static PixelStack stackOf(float[] values) {
        PixelStack stack = new PixelStack(values.length);
        for (int f = 0; f < values.length; f++) {
            stack.add(values[f], f);
        }
        return stack;
    }
}
