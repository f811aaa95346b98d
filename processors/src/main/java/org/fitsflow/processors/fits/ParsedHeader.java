package org.fitsflow.processors.fits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fitsflow.processors.image.HeaderCard;

/** The cards of one HDU header (END excluded) with typed access to the keywords that describe the data. */
final class ParsedHeader {
    private final List<HeaderCard> cards;
    private final Map<String, HeaderCard> firstByKeyword = new HashMap<>();

    ParsedHeader(List<HeaderCard> cards) {
        this.cards = List.copyOf(cards);
        for (HeaderCard card : this.cards) {
            firstByKeyword.putIfAbsent(card.keyword(), card);
        }
    }

    List<HeaderCard> cards() {
        return cards;
    }

    Optional<HeaderCard> card(String keyword) {
        return Optional.ofNullable(firstByKeyword.get(keyword));
    }

    Optional<String> string(String keyword) {
        return card(keyword).map(HeaderCard::value).map(String::trim).filter(v -> !v.isEmpty());
    }

    boolean isTrue(String keyword) {
        return string(keyword).map("T"::equals).orElse(false);
    }

    /** An integer keyword the data layout depends on: missing or malformed means the pixels cannot be read. */
    long requiredLong(String keyword) throws InvalidFitsException {
        String value = string(keyword).orElseThrow(() -> new InvalidFitsException("missing " + keyword + " card"));
        return parseLong(keyword, value);
    }

    Optional<Long> optionalLong(String keyword) throws InvalidFitsException {
        Optional<String> value = string(keyword);
        return value.isEmpty() ? Optional.empty() : Optional.of(parseLong(keyword, value.get()));
    }

    double doubleOr(String keyword, double fallback) throws InvalidFitsException {
        Optional<String> value = string(keyword);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.get().replace('D', 'E'));
        } catch (NumberFormatException e) {
            throw new InvalidFitsException(keyword + " = '" + value.get() + "' is not a number");
        }
    }

    private static long parseLong(String keyword, String value) throws InvalidFitsException {
        try {
            return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw new InvalidFitsException(keyword + " = '" + value + "' is not an integer");
        }
    }
}
