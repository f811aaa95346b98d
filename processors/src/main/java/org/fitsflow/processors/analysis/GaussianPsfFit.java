package org.fitsflow.processors.analysis;

import java.util.Arrays;
import java.util.Optional;

/**
 * Levenberg-Marquardt fit of f(x, y) = B + A exp(-(a dx^2 + 2 b dx dy + c dy^2)) to a square box of pixels,
 * dx = x - x0, dy = y - y0. The quadratic form (a, b, c) is half the inverse covariance of the profile, so
 * its eigenvalues give the axes without an angle parameter that would wrap around.
 */
final class GaussianPsfFit {
    private static final int PARAMS = 7;
    private static final int MAX_ITERATIONS = 60;
    private static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

    private GaussianPsfFit() {
    }

    /**
     * Fits the box of half-size {@code radius} around ({@code cx}, {@code cy}), which must lie inside the
     * image by {@code radius}; empty when the fit does not converge to a positive, finite profile.
     */
    static Optional<Star> fit(float[] plane, int width, int cx, int cy, int radius, double background,
                              double initialSigma) {
        int side = 2 * radius + 1;
        int n = side * side;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        int k = 0;
        double peak = Double.NEGATIVE_INFINITY;
        for (int y = cy - radius; y <= cy + radius; y++) {
            for (int x = cx - radius; x <= cx + radius; x++) {
                double v = plane[y * width + x];
                if (!Double.isFinite(v)) {
                    return Optional.empty();
                }
                xs[k] = x;
                ys[k] = y;
                zs[k] = v;
                peak = Math.max(peak, v);
                k++;
            }
        }
        double s2 = 1 / (2 * initialSigma * initialSigma);
        double[] p = {background, peak - background, cx, cy, s2, 0, s2};
        double chi2 = chiSquare(p, xs, ys, zs);
        double lambda = 1e-3;
        double[][] jtj = new double[PARAMS][PARAMS];
        double[] jtr = new double[PARAMS];
        double[] grad = new double[PARAMS];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (double[] row : jtj) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(jtr, 0);
            for (int i = 0; i < n; i++) {
                double r = zs[i] - model(p, xs[i], ys[i], grad);
                for (int a = 0; a < PARAMS; a++) {
                    jtr[a] += grad[a] * r;
                    for (int b = 0; b <= a; b++) {
                        jtj[a][b] += grad[a] * grad[b];
                    }
                }
            }
            boolean improved = false;
            while (lambda < 1e10) {
                double[][] m = new double[PARAMS][PARAMS + 1];
                for (int a = 0; a < PARAMS; a++) {
                    for (int b = 0; b < PARAMS; b++) {
                        m[a][b] = a >= b ? jtj[a][b] : jtj[b][a];
                    }
                    m[a][a] *= 1 + lambda;
                    m[a][PARAMS] = jtr[a];
                }
                double[] step = LinearSolver.solve(m);
                double[] trial = p.clone();
                if (step != null) {
                    for (int a = 0; a < PARAMS; a++) {
                        trial[a] += step[a];
                    }
                }
                double trialChi2 = step != null && isPlausible(trial) ? chiSquare(trial, xs, ys, zs) : Double.POSITIVE_INFINITY;
                if (trialChi2 < chi2) {
                    double relative = (chi2 - trialChi2) / Math.max(chi2, 1e-30);
                    p = trial;
                    chi2 = trialChi2;
                    lambda = Math.max(lambda / 10, 1e-9);
                    improved = true;
                    if (relative < 1e-7) {
                        return toStar(p);
                    }
                    break;
                }
                lambda *= 10;
            }
            if (!improved) {
                return toStar(p);
            }
        }
        return toStar(p);
    }

    /** A loop, not a stream: this runs at every trial step, and a stream's pipeline cost the JIT more than the fits. */
    private static boolean isPlausible(double[] p) {
        if (!(p[1] > 0 && p[4] > 0 && p[6] > 0 && p[4] * p[6] - p[5] * p[5] > 0)) {
            return false;
        }
        for (double value : p) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Star> toStar(double[] p) {
        if (!isPlausible(p)) {
            return Optional.empty();
        }
        double a = p[4];
        double b = p[5];
        double c = p[6];
        double mean = (a + c) / 2;
        double diff = Math.sqrt(((a - c) / 2) * ((a - c) / 2) + b * b);
        double small = mean - diff;
        double large = mean + diff;
        if (small <= 0) {
            return Optional.empty();
        }
        double sigmaMajor = Math.sqrt(1 / (2 * small));
        double sigmaMinor = Math.sqrt(1 / (2 * large));
        // The eigenvector of the smallest eigenvalue points along the major axis.
        double angle = Math.abs(b) < 1e-12 * mean ? (a <= c ? 0 : Math.PI / 2) : Math.atan2(small - a, b);
        double flux = 2 * Math.PI * p[1] * sigmaMajor * sigmaMinor;
        return Optional.of(new Star(p[2], p[3], p[1], p[0], FWHM_PER_SIGMA * sigmaMajor, FWHM_PER_SIGMA * sigmaMinor,
                angle, flux));
    }

    private static double chiSquare(double[] p, double[] xs, double[] ys, double[] zs) {
        double sum = 0;
        for (int i = 0; i < zs.length; i++) {
            double dx = xs[i] - p[2];
            double dy = ys[i] - p[3];
            double r = zs[i] - (p[0] + p[1] * Math.exp(-(p[4] * dx * dx + 2 * p[5] * dx * dy + p[6] * dy * dy)));
            sum += r * r;
        }
        return sum;
    }

    /** The model at (x, y); fills {@code grad} with its partial derivatives in parameter order. */
    private static double model(double[] p, double x, double y, double[] grad) {
        double dx = x - p[2];
        double dy = y - p[3];
        double e = Math.exp(-(p[4] * dx * dx + 2 * p[5] * dx * dy + p[6] * dy * dy));
        double ae = p[1] * e;
        grad[0] = 1;
        grad[1] = e;
        grad[2] = ae * 2 * (p[4] * dx + p[5] * dy);
        grad[3] = ae * 2 * (p[5] * dx + p[6] * dy);
        grad[4] = -ae * dx * dx;
        grad[5] = -ae * 2 * dx * dy;
        grad[6] = -ae * dy * dy;
        return p[0] + ae;
    }
}
