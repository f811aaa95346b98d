package org.fitsflow.processors.subs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.fitsflow.processors.analysis.FrameQuality;
import org.fitsflow.processors.analysis.SubQuality;

/**
 * The job's measurements of a quality report: {@code subs} (rows), {@code flagged} and {@code flagged_subs}
 * ({@code "file: reason"}), and the medians over the measured subs {@code median_fwhm_px},
 * {@code median_fwhm_arcsec} (with a plate scale) and {@code median_star_count}.
 */
final class ReportMeasurements {
    private ReportMeasurements() {
    }

    static Map<String, Object> of(List<SubQuality> subs) {
        Map<String, Object> measurements = new LinkedHashMap<>();
        measurements.put("subs", subs.size());
        measurements.put("flagged", subs.stream().filter(SubQuality::flagged).count());
        measurements.put("flagged_subs", subs.stream().filter(SubQuality::flagged)
                .map(s -> s.file().getFileName() + ": " + s.reason()).toList());
        putMedian(measurements, "median_fwhm_px", subs, FrameQuality::fwhmPixels);
        putMedian(measurements, "median_fwhm_arcsec", subs, FrameQuality::fwhmArcsec);
        putMedian(measurements, "median_star_count", subs, q -> q.starCount());
        return measurements;
    }

    private static void putMedian(Map<String, Object> measurements, String key, List<SubQuality> subs,
                                  ToDoubleFunction<FrameQuality> figure) {
        double[] values = subs.stream().filter(s -> s.quality() != null).map(SubQuality::quality).mapToDouble(figure)
                .filter(Double::isFinite).sorted().toArray();
        if (values.length > 0) {
            int mid = values.length / 2;
            measurements.put(key, values.length % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]));
        }
    }
}
