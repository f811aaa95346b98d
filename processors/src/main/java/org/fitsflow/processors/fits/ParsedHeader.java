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
    /** Strings written with the CONTINUE long-string convention, joined; the cards themselves stay verbatim. */
    private final Map<String, String> longStrings = new HashMap<>();

    ParsedHeader(List<HeaderCard> cards) {
        this.cards = List.copyOf(cards);
        for (int i = 0; i < this.cards.size(); i++) {
            HeaderCard card = this.cards.get(i);
            if (firstByKeyword.putIfAbsent(card.keyword(), card) == null && card.stringValue() && card.value().endsWith("&")) {
                longStrings.put(card.keyword(), joinContinued(i));
            }
        }
    }

    private String joinContinued(int first) {
        StringBuilder text = new StringBuilder(cards.get(first).value());
        for (int i = first + 1; i < cards.size() && text.charAt(text.length() - 1) == '&'
                && cards.get(i).keyword().equals("CONTINUE") && cards.get(i).value() != null; i++) {
            text.setLength(text.length() - 1);
            text.append(cards.get(i).value());
        }
        return text.toString();
    }

    List<HeaderCard> cards() {
        return cards;
    }

    Optional<HeaderCard> card(String keyword) {
        return Optional.ofNullable(firstByKeyword.get(keyword));
    }

    Optional<String> string(String keyword) {
        String joined = longStrings.get(keyword);
        Optional<String> value = joined != null ? Optional.of(joined) : card(keyword).map(HeaderCard::value);
        return value.map(String::trim).filter(v -> !v.isEmpty());
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
