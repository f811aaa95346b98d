package org.fitsflow.processors.steps;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * {@code denoise}: multiscale noise reduction on linear data with the "a trous" wavelet transform (B3 spline,
 * as in Starck and Murtagh's astronomical image processing). Each channel is split into detail layers of
 * growing scale; in the finest {@code scales} layers, coefficients are reduced by {@code amount} except near
 * significant ones (beyond {@code threshold_sigma} of the noise expected in that layer, then grown by the
 * layer's reach): a star is kept whole with the negative ring its detail coefficients have, so its flux
 * survives, and only the empty sky is smoothed. The noise is measured on the finest layer (MAD), so no
 * setting depends on the camera.
 */
public final class Denoise implements Step {
    public static final String NAME = "denoise";
    private static final float[] B3 = {1f / 16, 4f / 16, 6f / 16, 4f / 16, 1f / 16};
    /** Standard deviation of unit white noise in each B3 a trous detail layer. */
    private static final double[] NOISE_PER_SCALE = {0.889, 0.200, 0.086, 0.041};
    private static final int NOISE_SAMPLE_STRIDE = 5;

    private final DenoiseParameters parameters;

    public Denoise(DenoiseParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Image apply(Image image, StepContext context) {
        for (int c = 0; c < image.channels(); c++) {
            context.checkCancelled();
            denoise(image.plane(c), image.width(), image.height(), context.backend());
        }
        return image;
    }

    private void denoise(float[] plane, int width, int height, ComputeBackend backend) {
        float[] smooth = plane;
        float[] result = new float[plane.length];
        double noise = Double.NaN;
        float keep = (float) (1 - parameters.amount());
        for (int scale = 0; scale < parameters.scales(); scale++) {
            float[] next = backend.convolveSeparable(smooth, width, height, dilated(scale));
            float[] detail = new float[plane.length];
            for (int i = 0; i < plane.length; i++) {
                detail[i] = smooth[i] - next[i];
            }
            if (scale == 0) {
                noise = robustSigma(detail) / NOISE_PER_SCALE[0];
            }
            float threshold = (float) (parameters.thresholdSigma() * noise * NOISE_PER_SCALE[scale]);
            boolean[] significant = grown(detail, threshold, width, height, 2 * (1 << scale));
            ComputePool.run(() -> IntStream.range(0, plane.length).parallel().forEach(i -> {
                float w = detail[i];
                result[i] += significant[i] ? w : keep * w;
            }));
            smooth = next;
        }
        float[] residual = smooth;
        ComputePool.run(() -> IntStream.range(0, plane.length).parallel().forEach(i -> {
            float v = result[i] + residual[i];
            plane[i] = Float.isFinite(v) ? Math.max(0f, Math.min(1f, v)) : v;
        }));
    }

    /** Pixels within {@code radius} (square) of a coefficient beyond the threshold: the layer's support. */
    private static boolean[] grown(float[] detail, float threshold, int width, int height, int radius) {
        boolean[] rows = new boolean[detail.length];
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            int last = Integer.MIN_VALUE / 2;
            for (int x = 0; x < width; x++) {
                if (Math.abs(detail[y * width + x]) > threshold) {
                    last = x;
                }
                rows[y * width + x] = x - last <= radius;
            }
            last = Integer.MAX_VALUE / 2;
            for (int x = width - 1; x >= 0; x--) {
                if (Math.abs(detail[y * width + x]) > threshold) {
                    last = x;
                }
                rows[y * width + x] |= last - x <= radius;
            }
        }));
        boolean[] grown = new boolean[detail.length];
        ComputePool.run(() -> IntStream.range(0, width).parallel().forEach(x -> {
            int last = Integer.MIN_VALUE / 2;
            for (int y = 0; y < height; y++) {
                if (rows[y * width + x]) {
                    last = y;
                }
                grown[y * width + x] = y - last <= radius;
            }
            last = Integer.MAX_VALUE / 2;
            for (int y = height - 1; y >= 0; y--) {
                if (rows[y * width + x]) {
                    last = y;
                }
                grown[y * width + x] |= last - y <= radius;
            }
        }));
        return grown;
    }

    /** The B3 kernel with 2^scale - 1 zeros between its taps ("holes"). */
    private static float[] dilated(int scale) {
        int step = 1 << scale;
        float[] kernel = new float[4 * step + 1];
        for (int k = 0; k < B3.length; k++) {
            kernel[k * step] = B3[k];
        }
        return kernel;
    }

    private static double robustSigma(float[] detail) {
        float[] sample = new float[detail.length / NOISE_SAMPLE_STRIDE + 1];
        int n = 0;
        for (int i = 0; i < detail.length; i += NOISE_SAMPLE_STRIDE) {
            if (Float.isFinite(detail[i])) {
                sample[n++] = Math.abs(detail[i]);
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(sample, 0, n);
        // Detail layers have zero median, so the median of |w| is the MAD.
        return 1.4826 * sample[n / 2];
    }
}
