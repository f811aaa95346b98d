package org.fitsflow.processors.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.fitsflow.processors.analysis.ClippedStatistics;
import org.fitsflow.processors.analysis.LinearSolver;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * {@code background_extraction}: removes a gradient. Each channel is sampled on a grid of boxes (sigma-clipped
 * median; boxes where clipping removed many pixels hold stars or nebula and are dropped), a polynomial surface
 * of the chosen degree is fitted by least squares with iterative rejection of outlying boxes, and the surface is
 * subtracted (adding back its median, so the sky level stays where it was) or divided out (times its median).
 */
public final class BackgroundExtraction implements Step {
    public static final String NAME = "background_extraction";
    private static final double BOX_CLIP_KAPPA = 3.0;
    private static final double MIN_KEPT_FRACTION = 0.95;
    private static final int FIT_ITERATIONS = 5;

    private final BackgroundExtractionParameters parameters;

    public BackgroundExtraction(BackgroundExtractionParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Image apply(Image image, StepContext context) {
        List<Double> ranges = new ArrayList<>();
        for (int c = 0; c < image.channels(); c++) {
            context.checkCancelled();
            ranges.add(correct(image.plane(c), image.width(), image.height()));
        }
        context.measure("background_model_range", ranges);
        return image;
    }

    /** Fits and removes the surface of one plane in place; returns the surface's max - min over the samples. */
    double correct(float[] plane, int width, int height) {
        List<double[]> samples = sample(plane, width, height);
        if (samples.size() < terms()) {
            return 0;
        }
        double[] coefficients = fitWithRejection(samples, width, height);
        if (coefficients == null) {
            return 0;
        }
        double[] modelAtSamples = samples.stream().mapToDouble(s -> evaluate(coefficients, u(s[0], width), v(s[1], height))).toArray();
        double[] sorted = modelAtSamples.clone();
        Arrays.sort(sorted);
        double level = sorted[sorted.length / 2];
        boolean divide = parameters.correction() == BackgroundCorrection.DIVIDE;
        if (divide && !(sorted[0] > 0)) {
            throw new IllegalArgumentException("background_extraction: the background model reaches zero or below; "
                    + "correction: divide needs a positive sky, use correction: subtract");
        }
        ComputePool.run(() -> IntStream.range(0, height).parallel().forEach(y -> {
            double[] inU = coefficientsAlongRow(coefficients, v(y, height));
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double model = horner(inU, u(x, width));
                double corrected = divide ? plane[i] / model * level : plane[i] - model + level;
                plane[i] = (float) Math.max(0, Math.min(1, corrected));
            }
        }));
        return sorted[sorted.length - 1] - sorted[0];
    }

    private List<double[]> sample(float[] plane, int width, int height) {
        int grid = parameters.gridSize();
        int half = Math.max(2, Math.min(width, height) / grid / 3);
        List<double[]> samples = new ArrayList<>();
        float[] box = new float[(2 * half + 1) * (2 * half + 1)];
        for (int j = 0; j < grid; j++) {
            int cy = (int) ((j + 0.5) * height / grid);
            for (int i = 0; i < grid; i++) {
                int cx = (int) ((i + 0.5) * width / grid);
                int n = 0;
                for (int y = Math.max(0, cy - half); y <= Math.min(height - 1, cy + half); y++) {
                    for (int x = Math.max(0, cx - half); x <= Math.min(width - 1, cx + half); x++) {
                        box[n++] = plane[y * width + x];
                    }
                }
                ClippedStatistics stats = ClippedStatistics.of(box, n, BOX_CLIP_KAPPA, 5);
                if (stats.total() > 0 && stats.keptFraction() >= MIN_KEPT_FRACTION && Double.isFinite(stats.median())) {
                    samples.add(new double[] {cx, cy, stats.median()});
                }
            }
        }
        return samples;
    }

    private double[] fitWithRejection(List<double[]> samples, int width, int height) {
        boolean[] used = new boolean[samples.size()];
        Arrays.fill(used, true);
        double[] coefficients = null;
        for (int it = 0; it < FIT_ITERATIONS; it++) {
            coefficients = fit(samples, used, width, height);
            if (coefficients == null) {
                return null;
            }
            double[] residuals = new double[samples.size()];
            double[] usedResiduals = new double[samples.size()];
            int n = 0;
            for (int k = 0; k < samples.size(); k++) {
                double[] s = samples.get(k);
                residuals[k] = s[2] - evaluate(coefficients, u(s[0], width), v(s[1], height));
                if (used[k]) {
                    usedResiduals[n++] = Math.abs(residuals[k]);
                }
            }
            Arrays.sort(usedResiduals, 0, n);
            double sigma = 1.4826 * usedResiduals[n / 2];
            boolean changed = false;
            int remaining = 0;
            for (int k = 0; k < samples.size(); k++) {
                boolean keep = Math.abs(residuals[k]) <= parameters.rejectionSigma() * sigma;
                changed |= keep != used[k];
                used[k] = keep;
                remaining += keep ? 1 : 0;
            }
            if (!changed || remaining < 2 * terms()) {
                break;
            }
        }
        return coefficients;
    }

    private double[] fit(List<double[]> samples, boolean[] used, int width, int height) {
        int terms = terms();
        double[][] normal = new double[terms][terms + 1];
        double[] basis = new double[terms];
        for (int k = 0; k < samples.size(); k++) {
            if (!used[k]) {
                continue;
            }
            double[] s = samples.get(k);
            basis(u(s[0], width), v(s[1], height), basis);
            for (int a = 0; a < terms; a++) {
                for (int b = 0; b < terms; b++) {
                    normal[a][b] += basis[a] * basis[b];
                }
                normal[a][terms] += basis[a] * s[2];
            }
        }
        return LinearSolver.solve(normal);
    }

    private int terms() {
        int d = parameters.degree();
        return (d + 1) * (d + 2) / 2;
    }

    /** Monomials u^i v^j with i + j <= degree, on coordinates scaled to [-1, 1] so the normal equations stay well conditioned. */
    private void basis(double u, double v, double[] out) {
        int k = 0;
        for (int total = 0; total <= parameters.degree(); total++) {
            for (int i = total; i >= 0; i--) {
                out[k++] = Math.pow(u, i) * Math.pow(v, total - i);
            }
        }
    }

    /** The surface along one row as a polynomial in u: entry i is the coefficient of u^i. */
    private double[] coefficientsAlongRow(double[] coefficients, double v) {
        double[] inU = new double[parameters.degree() + 1];
        int k = 0;
        for (int total = 0; total <= parameters.degree(); total++) {
            for (int i = total; i >= 0; i--) {
                inU[i] += coefficients[k++] * Math.pow(v, total - i);
            }
        }
        return inU;
    }

    private static double horner(double[] inU, double u) {
        double sum = 0;
        for (int i = inU.length - 1; i >= 0; i--) {
            sum = sum * u + inU[i];
        }
        return sum;
    }

    private double evaluate(double[] coefficients, double u, double v) {
        double[] basis = new double[coefficients.length];
        basis(u, v, basis);
        double sum = 0;
        for (int k = 0; k < basis.length; k++) {
            sum += coefficients[k] * basis[k];
        }
        return sum;
    }

    private static double u(double x, int width) {
        return width == 1 ? 0 : 2.0 * x / (width - 1) - 1;
    }

    private static double v(double y, int height) {
        return height == 1 ? 0 : 2.0 * y / (height - 1) - 1;
    }
}
