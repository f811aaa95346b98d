package org.fitsflow.processors.image;

import java.util.Optional;

/** One 80-character header card: keyword, value as written (string quotes removed) and comment. */
public record HeaderCard(String keyword, String value, String comment) {

    public Optional<Double> doubleValue() {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(value.trim().replace('D', 'E')));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
