package org.fitsflow.processors.steps;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fitsflow.processors.pipeline.InvalidPipelineException;

/**
 * Parameters of {@code histogram_stretch}. The auto-stretch modes use {@code shadowsClip} (in units of
 * 1.4826 x MAD from the median) and {@code targetBackground} (where the median lands); the percentile
 * mode uses {@code blackPercentile} and {@code whitePercentile} (in percent) and the fixed {@code midtones}.
 * The {@code curve} after the black point is the STF's midtones transfer unless another is chosen, which
 * only the auto-stretch modes take.
 */
public record StfStretchParameters(
        StretchMode mode,
        double shadowsClip,
        double targetBackground,
        double blackPercentile,
        double whitePercentile,
        double midtones,
        StretchCurve curve) {

    public static final StretchMode DEFAULT_MODE = StretchMode.UNLINKED;
    public static final double DEFAULT_SHADOWS_CLIP = -2.8;
    public static final double DEFAULT_TARGET_BACKGROUND = 0.25;
    public static final double DEFAULT_BLACK_PERCENTILE = 0.1;
    public static final double DEFAULT_WHITE_PERCENTILE = 99.9;
    public static final double DEFAULT_MIDTONES = 0.5;

    private static final Set<String> KEYS = keys();

    public StfStretchParameters {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (curve == null) {
            throw new IllegalArgumentException("curve is required");
        }
        if (mode == StretchMode.PERCENTILE && !(curve instanceof StretchCurve.Mtf)) {
            throw new IllegalArgumentException("curve " + curve.yamlName()
                    + " needs mode linked or unlinked: the percentile mode maps its points with the midtones transfer");
        }
        if (!Double.isFinite(shadowsClip)) {
            throw new IllegalArgumentException("shadows_clip must be a finite number, got " + shadowsClip);
        }
        if (!(targetBackground > 0 && targetBackground < 1)) {
            throw new IllegalArgumentException("target_background must be between 0 and 1 (exclusive), got " + targetBackground);
        }
        if (!(blackPercentile >= 0 && blackPercentile < whitePercentile && whitePercentile <= 100)) {
            throw new IllegalArgumentException("need 0 <= black_percentile < white_percentile <= 100, got "
                    + blackPercentile + " and " + whitePercentile);
        }
        if (!(midtones > 0 && midtones < 1)) {
            throw new IllegalArgumentException("midtones must be between 0 and 1 (exclusive), got " + midtones);
        }
    }

    /** The STF with its midtones transfer curve. */
    public StfStretchParameters(StretchMode mode, double shadowsClip, double targetBackground,
                                double blackPercentile, double whitePercentile, double midtones) {
        this(mode, shadowsClip, targetBackground, blackPercentile, whitePercentile, midtones, StretchCurve.MTF);
    }

    public static StfStretchParameters defaults() {
        return new StfStretchParameters(DEFAULT_MODE, DEFAULT_SHADOWS_CLIP, DEFAULT_TARGET_BACKGROUND,
                DEFAULT_BLACK_PERCENTILE, DEFAULT_WHITE_PERCENTILE, DEFAULT_MIDTONES);
    }

    public StfStretchParameters withMode(StretchMode newMode) {
        return new StfStretchParameters(newMode, shadowsClip, targetBackground, blackPercentile, whitePercentile, midtones, curve);
    }

    public StfStretchParameters withCurve(StretchCurve newCurve) {
        return new StfStretchParameters(mode, shadowsClip, targetBackground, blackPercentile, whitePercentile, midtones, newCurve);
    }

    /** From a pipeline step's YAML parameters; absent keys take the defaults. */
    public static StfStretchParameters fromMap(Map<String, ?> params) {
        for (String key : params.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidPipelineException(StfStretch.NAME + ": unknown parameter '" + key + "'; known: " + KEYS);
            }
        }
        try {
            Object mode = params.get("mode");
            StretchCurve curve = StretchCurveReader.read(params);
            if (params.get("target_background") != null && !curve.landsOnTarget()) {
                // an explicit strength leaves nothing for the target to decide: say so rather than ignore it
                throw new IllegalArgumentException("target_background has no effect with an explicit "
                        + curve.yamlName() + "_stretch; give one or the other");
            }
            return new StfStretchParameters(
                    mode == null ? DEFAULT_MODE : StretchMode.parse(mode.toString()),
                    number(params, "shadows_clip", DEFAULT_SHADOWS_CLIP),
                    number(params, "target_background", DEFAULT_TARGET_BACKGROUND),
                    number(params, "black_percentile", DEFAULT_BLACK_PERCENTILE),
                    number(params, "white_percentile", DEFAULT_WHITE_PERCENTILE),
                    number(params, "midtones", DEFAULT_MIDTONES),
                    curve);
        } catch (IllegalArgumentException e) {
            // the bad key's own message (from the records, the curve reader or number), once prefixed
            throw new InvalidPipelineException(StfStretch.NAME + ": " + e.getMessage());
        }
    }

    private static Set<String> keys() {
        Set<String> keys = new TreeSet<>(Set.of(
                "mode", "shadows_clip", "target_background", "black_percentile", "white_percentile", "midtones"));
        keys.addAll(StretchCurveReader.keys());
        return keys;
    }

    private static double number(Map<String, ?> params, String key, double fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException(key + " must be a number, got '" + value + "'");
    }
}
