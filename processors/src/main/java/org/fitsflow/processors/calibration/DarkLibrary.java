package org.fitsflow.processors.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The master darks of a set, one per group of darks taken in the same conditions: same exposure and gain, and
 * sensor temperatures that follow one another by no more than the tolerance (a library of darks at 0, 10 and
 * 20 C gives three masters). Each light takes the closest master that matches it.
 */
final class DarkLibrary {
    private final List<MasterFrame> masters;

    private DarkLibrary(List<MasterFrame> masters) {
        this.masters = List.copyOf(masters);
    }

    static DarkLibrary build(List<Path> darks, CalibrationFrameReader reader, MasterBuilder builder,
                             CalibrationParameters parameters) throws IOException {
        List<Dark> frames = new ArrayList<>();
        for (Path file : darks) {
            frames.add(new Dark(file, reader.conditions(file, CalibrationFrameType.DARK)));
        }
        List<MasterFrame> masters = new ArrayList<>();
        for (List<Dark> group : groups(frames, parameters.temperatureTolerance())) {
            List<Path> files = group.stream().map(Dark::file).toList();
            FrameConditions first = group.get(0).conditions();
            Double temperature = medianTemperature(group);
            masters.add(builder.build(CalibrationFrameType.DARK, files, MasterBuilder.Preparation.NONE,
                    new FrameConditions(first.exposureSeconds(), first.gain(), temperature)));
        }
        return new DarkLibrary(masters);
    }

    List<MasterFrame> masters() {
        return masters;
    }

    boolean isEmpty() {
        return masters.isEmpty();
    }

    /**
     * The master dark for a light taken in {@code light}'s conditions: among those within the tolerances (same
     * gain), the closest in temperature, then exposure.
     *
     * @throws CalibrationException naming the light's conditions and every master's when none matches
     */
    MasterFrame match(FrameConditions light, String lightName, CalibrationParameters parameters)
            throws CalibrationException {
        return masters.stream().filter(m -> m.conditions().matches(light, parameters))
                .min(Comparator.comparingDouble(m -> m.conditions().distance(light)))
                .orElseThrow(() -> new CalibrationException(String.format(Locale.ROOT,
                        "no master dark of the same gain within %s s and %s C of %s (%s); darks: %s",
                        FrameConditions.number(parameters.exposureTolerance()),
                        FrameConditions.number(parameters.temperatureTolerance()), lightName, light.describe(),
                        masters.stream().map(m -> m.conditions().describe() + " (" + m.frameCount() + " frames)")
                                .collect(Collectors.joining("; ")))));
    }

    private static List<List<Dark>> groups(List<Dark> darks, double temperatureTolerance) {
        Map<String, List<Dark>> byExposureAndGain = new LinkedHashMap<>();
        for (Dark dark : darks) {
            String key = dark.conditions().exposureSeconds() + "/" + dark.conditions().gain();
            byExposureAndGain.computeIfAbsent(key, k -> new ArrayList<>()).add(dark);
        }
        List<List<Dark>> groups = new ArrayList<>();
        for (List<Dark> sameSettings : byExposureAndGain.values()) {
            List<Dark> sorted = new ArrayList<>(sameSettings);
            sorted.sort(Comparator.comparing((Dark d) -> d.conditions().temperatureCelsius(),
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            List<Dark> current = new ArrayList<>();
            for (Dark dark : sorted) {
                if (!current.isEmpty() && apart(current.get(current.size() - 1), dark, temperatureTolerance)) {
                    groups.add(current);
                    current = new ArrayList<>();
                }
                current.add(dark);
            }
            groups.add(current);
        }
        return groups;
    }

    private static boolean apart(Dark previous, Dark next, double tolerance) {
        Double a = previous.conditions().temperatureCelsius();
        Double b = next.conditions().temperatureCelsius();
        if (a == null || b == null) {
            return a != b;
        }
        return b - a > tolerance;
    }

    private static Double medianTemperature(List<Dark> group) {
        double[] temperatures = group.stream().map(d -> d.conditions().temperatureCelsius())
                .filter(t -> t != null).mapToDouble(Double::doubleValue).sorted().toArray();
        int n = temperatures.length;
        return n == 0 ? null : n % 2 == 1 ? temperatures[n / 2] : 0.5 * (temperatures[n / 2 - 1] + temperatures[n / 2]);
    }

    private record Dark(Path file, FrameConditions conditions) {
    }
}
