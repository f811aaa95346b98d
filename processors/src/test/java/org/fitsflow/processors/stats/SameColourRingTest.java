package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SameColourRingTest {
    /** Against the definition, sorted: values with ties, signed zeros, and non-finite ones here and there. */
    @Test
    void medianOfTheRingIsTheMedianOfItsFiniteSameColourPhotositesEverywhere() {
        Random random = new Random(6);
        int width = 37;
        int height = 29;
        float[] mosaic = new float[width * height];
        for (int trial = 0; trial < 50; trial++) {
            for (int i = 0; i < mosaic.length; i++) {
                double u = random.nextDouble();
                mosaic[i] = u < 0.02 ? Float.NaN : u < 0.03 ? Float.POSITIVE_INFINITY : u < 0.05 ? -0.0f
                        : u < 0.1 ? 0.25f : (float) random.nextGaussian();
            }
            float[] scratch = new float[8];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    assertThat(SameColourRing.median(mosaic, width, height, x, y, scratch))
                            .as("trial %d at %d,%d", trial, x, y).isEqualTo(sortedMedian(mosaic, width, height, x, y));
                }
            }
        }
    }

    @Test
    void excessIsEachPhotositeOverItsRing() {
        int width = 9;
        int height = 7;
        float[] mosaic = new float[width * height];
        for (int i = 0; i < mosaic.length; i++) {
            mosaic[i] = 0.1f;
        }
        mosaic[3 * width + 4] = 0.6f;

        float[] excess = SameColourRing.excess(mosaic, width, height);

        assertThat(excess[3 * width + 4]).isEqualTo(0.5f);
        assertThat(excess[3 * width + 6]).as("a ring photosite: one of its eight is raised").isZero();
        assertThat(SameColourRing.noise(excess)).isZero();
    }

    private static double sortedMedian(float[] mosaic, int width, int height, int x, int y) {
        int[][] ringOffsets = {{-2, -2}, {0, -2}, {2, -2}, {-2, 0}, {2, 0}, {-2, 2}, {0, 2}, {2, 2}};
        List<Float> ring = new ArrayList<>();
        for (int[] offset : ringOffsets) {
            int column = x + offset[0];
            int row = y + offset[1];
            boolean inside = column >= 0 && row >= 0 && column < width && row < height;
            if (inside && Float.isFinite(mosaic[row * width + column])) {
                ring.add(mosaic[row * width + column]);
            }
        }
        if (ring.isEmpty()) {
            return mosaic[y * width + x];
        }
        ring.sort(null);
        int n = ring.size();
        return n % 2 == 1 ? ring.get(n / 2) : 0.5 * (ring.get(n / 2 - 1) + ring.get(n / 2));
    }
}
