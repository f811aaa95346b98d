package org.fitsflow.processors.stacking.rejection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Straightforward implementations of the rejection algorithms as published, written apart from the
 * production classes to check them: every pass sorts a list and recomputes every figure from scratch, the
 * winsorized copy is clamped again and again as the definition says, GESD searches the most deviant value
 * and takes its t quantiles from a numerical integral of the t density.
 */
final class ReferenceRejection {
    /** The kept values with their frames, and how many were rejected below and above. */
    record Outcome(double mean, int low, int high) {
    }

    record Sample(double value, int frame) {
    }

    private ReferenceRejection() {
    }

    static Outcome none(List<Sample> samples, float[] weights) {
        return new Outcome(weightedMean(samples, weights), 0, 0);
    }

    static Outcome sigma(List<Sample> input, float[] weights, double kLow, double kHigh, int iterations) {
        List<Sample> kept = new ArrayList<>(input);
        int[] counts = new int[2];
        for (int it = 0; it < iterations && kept.size() > 3; it++) {
            double median = median(kept);
            double sd = sd(values(kept));
            if (sd == 0 || !removeOutside(kept, median - kLow * sd, median + kHigh * sd, median, counts)) {
                break;
            }
        }
        return new Outcome(weightedMean(kept, weights), counts[0], counts[1]);
    }

    static Outcome winsorized(List<Sample> input, float[] weights, double kLow, double kHigh, int iterations) {
        List<Sample> kept = new ArrayList<>(input);
        int[] counts = new int[2];
        for (int it = 0; it < iterations && kept.size() > 3; it++) {
            double median = median(kept);
            double sigma = sd(values(kept));
            List<Double> copy = values(kept);
            for (int pass = 0; pass < 100 && sigma > 0; pass++) {
                double lo = median - 1.5 * sigma;
                double hi = median + 1.5 * sigma;
                copy.replaceAll(v -> Math.min(hi, Math.max(lo, v)));
                double previous = sigma;
                sigma = 1.134 * sd(copy);
                if (Math.abs(sigma - previous) <= 5e-4 * previous) {
                    break;
                }
            }
            if (sigma == 0 || !removeOutside(kept, median - kLow * sigma, median + kHigh * sigma, median, counts)) {
                break;
            }
        }
        return new Outcome(weightedMean(kept, weights), counts[0], counts[1]);
    }

    static Outcome linearFit(List<Sample> input, float[] weights, double kLow, double kHigh, int iterations) {
        List<Sample> kept = new ArrayList<>(input);
        int low = 0;
        int high = 0;
        for (int it = 0; it < iterations && kept.size() > 3; it++) {
            kept.sort((a, b) -> Double.compare(a.value(), b.value()));
            int n = kept.size();
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                double y = kept.get(i).value();
                sx += i;
                sy += y;
                sxx += (double) i * i;
                sxy += i * y;
            }
            double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            double intercept = (sy - slope * sx) / n;
            double sigma = 0;
            for (int i = 0; i < n; i++) {
                sigma += Math.abs(kept.get(i).value() - (intercept + slope * i));
            }
            sigma /= n;
            if (sigma == 0) {
                break;
            }
            List<Sample> next = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double residual = kept.get(i).value() - (intercept + slope * i);
                if (residual < -kLow * sigma) {
                    low++;
                } else if (residual > kHigh * sigma) {
                    high++;
                } else {
                    next.add(kept.get(i));
                }
            }
            if (next.size() == n) {
                break;
            }
            kept = next;
        }
        return new Outcome(weightedMean(kept, weights), low, high);
    }

    static Outcome gesd(List<Sample> input, float[] weights, double outliers, double alpha) {
        int n = input.size();
        int r = Math.min(n - 3, (int) Math.floor(outliers * n));
        if (n <= 3 || r <= 0) {
            return none(input, weights);
        }
        List<Sample> remaining = new ArrayList<>(input);
        List<Sample> removed = new ArrayList<>();
        int found = 0;
        for (int i = 1; i <= r; i++) {
            double mean = values(remaining).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double sd = sd(values(remaining));
            if (sd == 0) {
                break;
            }
            Sample worst = remaining.get(0);
            for (Sample s : remaining) {
                if (Math.abs(s.value() - mean) > Math.abs(worst.value() - mean)) {
                    worst = s;
                }
            }
            double statistic = Math.abs(worst.value() - mean) / sd;
            double p = 1 - alpha / (2.0 * (n - i + 1));
            double t = tQuantile(p, n - i - 1);
            double lambda = (n - i) * t / Math.sqrt((n - i - 1 + t * t) * (n - i + 1));
            remaining.remove(worst);
            removed.add(worst);
            if (statistic > lambda) {
                found = i;
            }
        }
        List<Sample> kept = new ArrayList<>(input);
        double median = median(input);
        int low = 0;
        int high = 0;
        for (Sample s : removed.subList(0, found)) {
            kept.remove(s);
            if (s.value() < median) {
                low++;
            } else {
                high++;
            }
        }
        return new Outcome(weightedMean(kept, weights), low, high);
    }

    private static final java.util.Map<String, Double> QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The t quantile by bisection on the integral of the t density (Simpson's rule from 0), remembered. */
    static double tQuantile(double p, int dof) {
        return QUANTILES.computeIfAbsent(p + "/" + dof, k -> bisectedQuantile(p, dof));
    }

    private static double bisectedQuantile(double p, int dof) {
        double lo = 0;
        double hi = 200;
        for (int i = 0; i < 80; i++) {
            double mid = 0.5 * (lo + hi);
            if (0.5 + integral(mid, dof) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double integral(double t, int dof) {
        int steps = 4000;
        double h = t / steps;
        double sum = density(0, dof) + density(t, dof);
        for (int k = 1; k < steps; k++) {
            sum += (k % 2 == 1 ? 4 : 2) * density(k * h, dof);
        }
        return sum * h / 3;
    }

    private static double density(double t, int dof) {
        double logNorm = lgamma((dof + 1) / 2.0) - lgamma(dof / 2.0) - 0.5 * Math.log(dof * Math.PI);
        return Math.exp(logNorm - (dof + 1) / 2.0 * Math.log1p(t * t / dof));
    }

    /** Stirling's series with the argument moved above 10 by the recurrence. */
    private static double lgamma(double x) {
        double shift = 0;
        while (x < 10) {
            shift -= Math.log(x);
            x += 1;
        }
        double series = 1 / (12 * x) - 1 / (360 * x * x * x) + 1 / (1260 * Math.pow(x, 5)) - 1 / (1680 * Math.pow(x, 7));
        return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
    }

    private static boolean removeOutside(List<Sample> kept, double lo, double hi, double median, int[] counts) {
        int before = kept.size();
        List<Sample> next = new ArrayList<>();
        for (Sample s : kept) {
            if (s.value() < lo) {
                counts[0]++;
            } else if (s.value() > hi) {
                counts[1]++;
            } else {
                next.add(s);
            }
        }
        kept.clear();
        kept.addAll(next);
        return kept.size() != before;
    }

    private static List<Double> values(List<Sample> samples) {
        List<Double> values = new ArrayList<>();
        samples.forEach(s -> values.add(s.value()));
        return values;
    }

    private static double median(List<Sample> samples) {
        List<Double> sorted = values(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : 0.5 * (sorted.get(n / 2 - 1) + sorted.get(n / 2));
    }

    private static double sd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return values.size() > 1 ? Math.sqrt(sum / (values.size() - 1)) : 0;
    }

    private static double weightedMean(List<Sample> samples, float[] weights) {
        double sum = 0;
        double total = 0;
        for (Sample s : samples) {
            sum += weights[s.frame()] * s.value();
            total += weights[s.frame()];
        }
        return sum / total;
    }
}
