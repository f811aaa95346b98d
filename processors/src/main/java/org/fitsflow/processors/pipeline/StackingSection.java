package org.fitsflow.processors.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.stacking.DrizzleParameters;
import org.fitsflow.processors.calibration.CalibrationParameters;
import org.fitsflow.processors.stacking.Framing;
import org.fitsflow.processors.stacking.Interpolation;
import org.fitsflow.processors.stacking.Normalisation;
import org.fitsflow.processors.stacking.StackingParameters;
import org.fitsflow.processors.stacking.SubFilter;
import org.fitsflow.processors.stacking.Weighting;
import org.fitsflow.processors.stacking.rejection.RejectionAlgorithm;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;

/**
 * The {@code stacking:} section of a pipeline with {@code subs: stack}, every key optional and defaulting to
 * {@link StackingParameters#DEFAULTS}: {@code normalisation}, {@code rejection} with {@code kappa} (or
 * {@code kappa_low} and {@code kappa_high}), {@code iterations}, {@code gesd_outliers} and
 * {@code gesd_significance}, {@code weighting}, {@code filter_wfwhm_sigma} and {@code filter_roundness_sigma},
 * {@code reject_flagged}, {@code interpolation}, {@code framing}, {@code rejection_maps}, {@code quality_report},
 * {@code debayer}, {@code drizzle} (a mapping of {@code scale} and {@code pixfrac}, each defaulting to
 * {@link DrizzleParameters#DEFAULTS}; absent for no drizzle) and the {@code calibration} mapping
 * ({@link CalibrationSection}). Read here and
 * written back with the same keys, so that a definition survives a round trip through JSON. A value out of
 * range is refused with a message naming its key. Star detection is not part of it: stacking takes that
 * from the pipeline's {@code star_detection} step.
 */
public final class StackingSection {
    public static final String KEY = "stacking";
    private static final String DRIZZLE = "drizzle";

    private StackingSection() {
    }

    public static StackingParameters fromMap(Map<String, Object> section) {
        SpecParameters p = new SpecParameters(section);
        StackingParameters defaults = StackingParameters.DEFAULTS;
        RejectionParameters rejection = defaults.rejection();
        Normalisation normalisation = choice(p, "normalisation", defaults.normalisation());
        RejectionAlgorithm algorithm = choice(p, "rejection", rejection.algorithm());
        double kappa = p.number("kappa", Double.NaN);
        if (!Double.isNaN(kappa)) {
            range(kappa, "kappa", 0.5, 10);
        }
        double kappaLow = range(p.number("kappa_low", Double.isNaN(kappa) ? rejection.kappaLow() : kappa),
                "kappa_low", 0.5, 10);
        double kappaHigh = range(p.number("kappa_high", Double.isNaN(kappa) ? rejection.kappaHigh() : kappa),
                "kappa_high", 0.5, 10);
        int iterations = p.integer("iterations", rejection.iterations());
        if (iterations < 1 || iterations > 20) {
            throw new InvalidPipelineException("iterations must be 1..20, got " + iterations);
        }
        double outliers = p.number("gesd_outliers", rejection.gesdOutliers());
        if (!(outliers > 0 && outliers < 1)) {
            throw new InvalidPipelineException("gesd_outliers must be a fraction between 0 and 1, got " + outliers);
        }
        double significance = p.number("gesd_significance", rejection.gesdSignificance());
        if (!(significance > 0 && significance < 0.5)) {
            throw new InvalidPipelineException("gesd_significance must be between 0 and 0.5, got " + significance);
        }
        Weighting weighting = choice(p, "weighting", defaults.weighting());
        double wfwhm = sigma(p, "filter_wfwhm_sigma", defaults.filter().wfwhmSigma());
        double roundness = sigma(p, "filter_roundness_sigma", defaults.filter().roundnessSigma());
        boolean rejectFlagged = p.flag("reject_flagged", defaults.rejectFlagged());
        Interpolation interpolation = choice(p, "interpolation", defaults.interpolation());
        Framing framing = choice(p, "framing", defaults.framing());
        boolean rejectionMaps = p.flag("rejection_maps", defaults.rejectionMaps());
        boolean qualityReport = p.flag("quality_report", defaults.qualityReport());
        DebayerMethod debayer = choice(p, "debayer", defaults.debayer());
        Optional<DrizzleParameters> drizzle = drizzle(p);
        CalibrationParameters calibration = calibration(p);
        p.rejectUnknown(KEY);
        if (drizzle.isPresent() && rejectionMaps) {
            throw new InvalidPipelineException("rejection_maps: a drizzle rejects no pixels, so it has no rejection "
                    + "maps; leave out one of the two");
        }
        return new StackingParameters(normalisation,
                new RejectionParameters(algorithm, kappaLow, kappaHigh, iterations, outliers, significance),
                weighting, new SubFilter(wfwhm, roundness), rejectFlagged, interpolation, framing, rejectionMaps,
                defaults.detection(), qualityReport, debayer, drizzle, calibration);
    }

    /** The {@code drizzle} mapping: absent for no drizzle, {@code {}} for the defaults. */
    private static Optional<DrizzleParameters> drizzle(SpecParameters p) {
        Optional<SpecParameters> section = p.mapping(DRIZZLE, "{scale: 2, pixfrac: 0.7}");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        SpecParameters d = section.get();
        double scale;
        double pixfrac;
        try {
            scale = d.number("scale", DrizzleParameters.DEFAULTS.scale());
            pixfrac = d.number("pixfrac", DrizzleParameters.DEFAULTS.pixfrac());
        } catch (InvalidPipelineException e) {
            throw new InvalidPipelineException(DRIZZLE + "." + e.getMessage());
        }
        d.rejectUnknown(DRIZZLE);
        try {
            return Optional.of(new DrizzleParameters(scale, pixfrac));
        } catch (IllegalArgumentException e) {
            throw new InvalidPipelineException(e.getMessage());
        }
    }

    /** The {@code calibration} mapping: absent for the defaults. */
    private static CalibrationParameters calibration(SpecParameters p) {
        SpecParameters section = p.mapping(CalibrationSection.KEY, CalibrationSection.EXAMPLE)
                .orElseGet(() -> new SpecParameters(Map.of()));
        try {
            return CalibrationSection.from(section);
        } catch (InvalidPipelineException e) {
            throw new InvalidPipelineException(CalibrationSection.KEY + ": " + e.getMessage());
        }
    }

    public static Map<String, Object> toMap(StackingParameters parameters) {
        RejectionParameters r = parameters.rejection();
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("normalisation", name(parameters.normalisation()));
        section.put("rejection", name(r.algorithm()));
        section.put("kappa_low", r.kappaLow());
        section.put("kappa_high", r.kappaHigh());
        section.put("iterations", r.iterations());
        section.put("gesd_outliers", r.gesdOutliers());
        section.put("gesd_significance", r.gesdSignificance());
        section.put("weighting", name(parameters.weighting()));
        if (Double.isFinite(parameters.filter().wfwhmSigma())) {
            section.put("filter_wfwhm_sigma", parameters.filter().wfwhmSigma());
        }
        if (Double.isFinite(parameters.filter().roundnessSigma())) {
            section.put("filter_roundness_sigma", parameters.filter().roundnessSigma());
        }
        section.put("reject_flagged", parameters.rejectFlagged());
        section.put("interpolation", name(parameters.interpolation()));
        section.put("framing", name(parameters.framing()));
        section.put("rejection_maps", parameters.rejectionMaps());
        section.put("quality_report", parameters.qualityReport());
        section.put("debayer", name(parameters.debayer()));
        parameters.drizzle().ifPresent(d -> {
            Map<String, Object> drizzle = new LinkedHashMap<>();
            drizzle.put("scale", d.scale());
            drizzle.put("pixfrac", d.pixfrac());
            section.put(DRIZZLE, drizzle);
        });
        section.put(CalibrationSection.KEY, CalibrationSection.toMap(parameters.calibration()));
        return section;
    }

    /** The YAML name of a setting: its constant in lower case ({@code ADDITIVE_SCALE} is {@code additive_scale}). */
    public static String name(Enum<?> setting) {
        return setting.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E choice(SpecParameters p, String key, E defaultValue) {
        List<String> allowed = Arrays.stream(defaultValue.getDeclaringClass().getEnumConstants())
                .map(StackingSection::name).toList();
        String value = p.choice(key, name(defaultValue), allowed);
        return Enum.valueOf(defaultValue.getDeclaringClass(), value.toUpperCase(Locale.ROOT));
    }

    private static double range(double value, String key, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidPipelineException(key + " must be between " + number(min) + " and " + number(max)
                    + ", got " + number(value));
        }
        return value;
    }

    /** A filter threshold in sigma units: a positive number, or absent for no filter. */
    private static double sigma(SpecParameters p, String key, double defaultValue) {
        double value = p.number(key, defaultValue);
        if (!(value > 0)) {
            throw new InvalidPipelineException(key + " must be a positive number of standard deviations, got "
                    + number(value));
        }
        return value;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value) : Double.toString(value);
    }
}
