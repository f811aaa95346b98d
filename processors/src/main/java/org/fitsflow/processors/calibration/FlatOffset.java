package org.fitsflow.processors.calibration;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.stats.OrderStatistics;

/**
 * What each flat has subtracted before it is scaled to a median of 1: the master bias, else a master dark
 * matching the flat's own exposure (a dark flat), else nothing, which the history says, since a flat that keeps
 * its bias offset divides out too little vignetting.
 */
final class FlatOffset {
    private final MasterFrame bias;
    private final Map<Path, MasterFrame> darks;
    private final String description;

    private FlatOffset(MasterFrame bias, Map<Path, MasterFrame> darks, String description) {
        this.bias = bias;
        this.darks = darks;
        this.description = description;
    }

    static FlatOffset of(MasterFrame bias, DarkLibrary library, List<Path> flats, CalibrationFrameReader reader,
                         CalibrationParameters parameters) throws CalibrationException {
        if (bias != null) {
            return new FlatOffset(bias, Map.of(), "bias-subtracted");
        }
        Map<Path, MasterFrame> darks = new HashMap<>();
        if (!library.isEmpty()) {
            for (Path flat : flats) {
                FrameConditions conditions = reader.conditions(flat, CalibrationFrameType.FLAT);
                try {
                    darks.put(flat, library.match(conditions, "flat " + flat.getFileName(), parameters));
                } catch (CalibrationException noMatch) {
                    darks.clear();
                    break;
                }
            }
        }
        return new FlatOffset(null, darks, darks.isEmpty() ? "not bias-subtracted (no bias frames, no dark matching the flats)"
                : "dark-subtracted (no bias frames)");
    }

    /** The flat minus its offset, over its median. */
    float[] normalised(Path file, float[] flat) throws CalibrationException {
        float[] offset = bias != null ? bias.pixels() : darks.containsKey(file) ? darks.get(file).pixels() : null;
        if (offset != null) {
            for (int i = 0; i < flat.length; i++) {
                flat[i] -= offset[i];
            }
        }
        double median = OrderStatistics.medianAndMad(flat).median();
        if (!(median > 0)) {
            throw new CalibrationException("flat frame " + file.getFileName() + " has no light: its median level is "
                    + median + (offset != null ? " after the offset is subtracted" : ""));
        }
        float scale = (float) (1 / median);
        for (int i = 0; i < flat.length; i++) {
            flat[i] *= scale;
        }
        return flat;
    }

    String describe() {
        return description;
    }
}
