package org.fitsflow.processors.backend;

/** A normalised 1-D Gaussian for {@link ComputeBackend#convolveSeparable}, radius ceil(3 sigma). */
public record GaussianKernel(double sigma) {
    public GaussianKernel {
        if (!(sigma > 0.0) || sigma > 100.0) {
            throw new IllegalArgumentException("Gaussian sigma must be in (0, 100] pixels, got " + sigma);
        }
    }

    public float[] weights() {
        int radius = (int) Math.ceil(3.0 * sigma);
        double[] raw = new double[2 * radius + 1];
        double total = 0.0;
        for (int k = -radius; k <= radius; k++) {
            raw[k + radius] = Math.exp(-(k * (double) k) / (2.0 * sigma * sigma));
            total += raw[k + radius];
        }
        float[] weights = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            weights[i] = (float) (raw[i] / total);
        }
        return weights;
    }
}
