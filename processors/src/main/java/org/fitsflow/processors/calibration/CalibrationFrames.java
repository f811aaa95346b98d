package org.fitsflow.processors.calibration;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The calibration files of one set of lights, by kind; any list may be empty. */
public record CalibrationFrames(List<Path> biases, List<Path> darks, List<Path> flats) {

    public static final CalibrationFrames NONE = new CalibrationFrames(List.of(), List.of(), List.of());

    public CalibrationFrames {
        biases = List.copyOf(Objects.requireNonNull(biases, "biases"));
        darks = List.copyOf(Objects.requireNonNull(darks, "darks"));
        flats = List.copyOf(Objects.requireNonNull(flats, "flats"));
    }

    public List<Path> of(CalibrationFrameType type) {
        return switch (type) {
            case BIAS -> biases;
            case DARK -> darks;
            case FLAT -> flats;
        };
    }

    public boolean isEmpty() {
        return biases.isEmpty() && darks.isEmpty() && flats.isEmpty();
    }
}
