package org.fitsflow.processors.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * Winsorized sigma clipping written from the definition in {@link Combination}, with lists and no sorting
 * tricks, to check the master combination against.
 */
final class IndependentWinsorized {
    private IndependentWinsorized() {
    }

    static double mean(double[] values, double kappa) {
        List<Double> kept = new ArrayList<>();
        for (double v : values) {
            if (Double.isFinite(v)) {
                kept.add(v);
            }
        }
        for (int pass = 0; pass < 10 && kept.size() > 3; pass++) {
            double m = median(kept);
            double s = deviation(kept, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            for (int i = 0; i < 10 && s > 0; i++) {
                double refined = 1.134 * deviation(kept, m - 1.5 * s, m + 1.5 * s);
                boolean settled = Math.abs(refined - s) < 5e-4 * s;
                s = refined;
                if (settled) {
                    break;
                }
            }
            List<Double> next = new ArrayList<>();
            for (double v : kept) {
                if (Math.abs(v - m) <= kappa * s) {
                    next.add(v);
                }
            }
            if (next.size() == kept.size()) {
                break;
            }
            kept = next;
        }
        return kept.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : 0.5 * (sorted.get(n / 2 - 1) + sorted.get(n / 2));
    }

    private static double deviation(List<Double> values, double floor, double ceiling) {
        double mean = values.stream().mapToDouble(v -> Math.min(ceiling, Math.max(floor, v))).average().orElse(0);
        double squares = values.stream().mapToDouble(v -> Math.pow(Math.min(ceiling, Math.max(floor, v)) - mean, 2)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
