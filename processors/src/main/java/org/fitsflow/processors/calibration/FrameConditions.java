package org.fitsflow.processors.calibration;

import java.util.Locale;
import java.util.Optional;
import org.fitsflow.processors.image.FitsHeader;

/**
 * What a dark must share with a light: exposure, gain and sensor temperature, each null when the header does
 * not say. The temperature is the measured one ({@code CCD-TEMP}), else the set point ({@code SET-TEMP}).
 */
public record FrameConditions(Double exposureSeconds, Double gain, Double temperatureCelsius) {

    public static FrameConditions of(FitsHeader header) {
        Optional<Double> temperature = header.doubleValue("CCD-TEMP").or(() -> header.doubleValue("SET-TEMP"));
        return new FrameConditions(header.summary().exposureSeconds(), header.summary().gain(), temperature.orElse(null));
    }

    /** Whether a dark taken in these conditions may calibrate a light taken in {@code light}'s. */
    boolean matches(FrameConditions light, CalibrationParameters parameters) {
        return within(exposureSeconds, light.exposureSeconds, parameters.exposureTolerance())
                && within(gain, light.gain, 1e-6)
                && within(temperatureCelsius, light.temperatureCelsius, parameters.temperatureTolerance());
    }

    /** How far these conditions are from {@code light}'s, to choose the closest of the matching darks. */
    double distance(FrameConditions light) {
        return gap(temperatureCelsius, light.temperatureCelsius) + gap(exposureSeconds, light.exposureSeconds);
    }

    /** For messages: {@code 10 s, gain 80, 25.3 C}, with {@code ?} for what the header did not say. */
    public String describe() {
        return String.format(Locale.ROOT, "%s s, gain %s, %s C", number(exposureSeconds), number(gain),
                number(temperatureCelsius));
    }

    private static boolean within(Double a, Double b, double tolerance) {
        return a == null || b == null || Math.abs(a - b) <= tolerance + 1e-9;
    }

    private static double gap(Double a, Double b) {
        return a == null || b == null ? 0 : Math.abs(a - b);
    }

    /** A setting or measurement as messages write it: {@code 2}, {@code 0.5}, {@code ?} when unknown. */
    static String number(Double value) {
        if (value == null) {
            return "?";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
    }
}
