package org.fitsflow.processors.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Flags subs that differ from the rest of their series (same object and exposure) by robust z-scores,
 * z = (x - median) / (1.4826 MAD), so that a few bad subs do not shift the yardstick:
 * clouds = star count down and background up together; high FWHM = seeing or focus; low roundness = trailing.
 * Each spread has a floor (a fraction of the median) so that a series of near-identical subs does not flag
 * tiny differences. Series of fewer than {@link #MIN_SERIES} subs get only the absolute checks.
 */
public final class OutlierFlagger {
    public static final int MIN_SERIES = 3;
    private static final double Z_LIMIT = 3.0;
    private static final double FWHM_SPREAD_FLOOR = 0.05;
    private static final double STARS_SPREAD_FLOOR = 0.10;
    private static final double ROUNDNESS_SPREAD_FLOOR = 0.05;
    private static final double TRAILING_ROUNDNESS = 0.5;

    public List<SubQuality> flag(List<SubQuality> subs) {
        Map<String, List<SubQuality>> series = new LinkedHashMap<>();
        for (SubQuality sub : subs) {
            if (sub.quality() != null) {
                series.computeIfAbsent(sub.object() + "|" + sub.exposureSeconds(), k -> new ArrayList<>()).add(sub);
            }
        }
        // Identity: two subs with equal figures are still two subs.
        Map<SubQuality, List<String>> flags = new IdentityHashMap<>();
        for (List<SubQuality> members : series.values()) {
            flagSeries(members, flags);
        }
        List<SubQuality> out = new ArrayList<>();
        for (SubQuality sub : subs) {
            out.add(sub.quality() == null ? sub : sub.withFlags(flags.getOrDefault(sub, List.of())));
        }
        return out;
    }

    private static void flagSeries(List<SubQuality> members, Map<SubQuality, List<String>> flags) {
        boolean relative = members.size() >= MIN_SERIES;
        RobustScale stars = RobustScale.of(members, q -> q.starCount(), STARS_SPREAD_FLOOR, 1);
        RobustScale fwhm = RobustScale.of(members, FrameQuality::fwhmPixels, FWHM_SPREAD_FLOOR, 0);
        RobustScale roundness = RobustScale.of(members, FrameQuality::roundness, ROUNDNESS_SPREAD_FLOOR, 0);
        double noise = StarField.median(members.stream().mapToDouble(m -> m.quality().noise()).toArray());
        RobustScale background = RobustScale.of(members, FrameQuality::background, 0, noise);
        for (SubQuality sub : members) {
            FrameQuality q = sub.quality();
            List<String> reasons = new ArrayList<>();
            if (q.starCount() == 0) {
                reasons.add("no stars detected");
            } else if (relative) {
                double zStars = stars.z(q.starCount());
                double zBackground = background.z(q.background());
                if (zStars < -Z_LIMIT && zBackground > Z_LIMIT) {
                    reasons.add(String.format("clouds: %d stars against a median of %.0f, background %.1f sigma high",
                            q.starCount(), stars.median(), zBackground));
                } else if (zStars < -Z_LIMIT) {
                    reasons.add(String.format("low star count: %d against a median of %.0f", q.starCount(), stars.median()));
                } else if (zBackground > Z_LIMIT) {
                    reasons.add(String.format("bright background: %.1f sigma above the series", zBackground));
                }
                if (fwhm.z(q.fwhmPixels()) > Z_LIMIT) {
                    reasons.add(String.format("FWHM %.2f px against a median of %.2f px (seeing or focus)",
                            q.fwhmPixels(), fwhm.median()));
                }
            }
            boolean elongated = q.roundness() < TRAILING_ROUNDNESS || relative && roundness.z(q.roundness()) < -Z_LIMIT;
            if (q.starCount() > 0 && elongated) {
                reasons.add(String.format("trailing: roundness %.2f against a median of %.2f", q.roundness(), roundness.median()));
            }
            flags.put(sub, reasons);
        }
    }

    /** Median and robust spread of one figure over a series, spread at least floorFraction x median and floorAbsolute. */
    private record RobustScale(double median, double spread) {
        static RobustScale of(List<SubQuality> members, ToDoubleFunction<FrameQuality> figure, double floorFraction,
                              double floorAbsolute) {
            double[] values = members.stream().map(SubQuality::quality).filter(Objects::nonNull).mapToDouble(figure)
                    .filter(Double::isFinite).toArray();
            double median = StarField.median(values.clone());
            double[] deviations = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                deviations[i] = Math.abs(values[i] - median);
            }
            double spread = 1.4826 * StarField.median(deviations);
            return new RobustScale(median, Math.max(spread, Math.max(floorFraction * Math.abs(median), floorAbsolute)));
        }

        double z(double value) {
            return spread > 0 && Double.isFinite(value) ? (value - median) / spread : 0;
        }
    }
}
