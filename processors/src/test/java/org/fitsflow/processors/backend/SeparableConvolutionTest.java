package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeparableConvolutionTest {

    @Test
    void equalsTheDirectTwoDimensionalSumWithRepeatedEdges() {
        int width = 37;
        int height = 23;
        Random random = new Random(3);
        float[] plane = new float[width * height];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextFloat();
        }
        float[] weights = new GaussianKernel(1.5).weights();
        int radius = weights.length / 2;

        float[] out = SeparableConvolution.apply(plane, width, height, weights);

        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double expected = 0;
                for (int j = 0; j < weights.length; j++) {
                    for (int k = 0; k < weights.length; k++) {
                        int yy = Math.min(Math.max(y + j - radius, 0), height - 1);
                        int xx = Math.min(Math.max(x + k - radius, 0), width - 1);
                        expected += (double) weights[j] * weights[k] * plane[yy * width + xx];
                    }
                }
                assertThat(out[y * width + x]).as("(%d, %d)", x, y).isCloseTo((float) expected, offset(1e-6f));
            }
        }
    }

    @Test
    void keepsAConstantPlaneConstant() {
        float[] plane = new float[64 * 5];
        java.util.Arrays.fill(plane, 0.25f);

        float[] out = SeparableConvolution.apply(plane, 64, 5, new GaussianKernel(3).weights());

        for (float v : out) {
            assertThat(v).isCloseTo(0.25f, offset(1e-6f));
        }
    }

    @Test
    void gaussianWeightsAreNormalisedSymmetricAndThreeSigmaWide() {
        float[] weights = new GaussianKernel(2).weights();
        double total = 0;
        for (float w : weights) {
            total += w;
        }
        assertThat(weights).hasSize(13);
        assertThat(total).isCloseTo(1.0, offset(1e-6));
        for (int k = 0; k < weights.length; k++) {
            assertThat(weights[k]).isEqualTo(weights[weights.length - 1 - k]);
        }
        assertThat(weights[6]).isGreaterThan(weights[5]);
    }

    @Test
    void refusesAnEvenKernelAndANonPositiveSigma() {
        assertThatThrownBy(() -> SeparableConvolution.apply(new float[4], 2, 2, new float[] {0.5f, 0.5f}))
                .hasMessageContaining("odd number of weights");
        assertThatThrownBy(() -> new GaussianKernel(0)).hasMessageContaining("sigma");
    }
}
