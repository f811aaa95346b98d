package org.fitsflow.processors.image;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One 80-character header card: keyword, value as written (string quotes removed) and comment.
 * Commentary cards (COMMENT, HISTORY, blank keyword) have a null value and their text as comment.
 * {@code stringValue} remembers whether the value was quoted, so that an export writes {@code '2.76'}
 * back as a string and not as the number 2.76.
 */
public record HeaderCard(String keyword, String value, String comment, boolean stringValue) {

    private static final Pattern NUMBER_OR_LOGICAL =
            Pattern.compile("\\s*([TF]|[+-]?(\\d+\\.?\\d*|\\.\\d+)([EeDd][+-]?\\d+)?)\\s*");

    /** A card whose value is a string unless it reads as a number or a logical T / F. */
    public HeaderCard(String keyword, String value, String comment) {
        this(keyword, value, comment, value != null && !NUMBER_OR_LOGICAL.matcher(value).matches());
    }

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
