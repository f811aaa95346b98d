package org.fitsflow.processors.image;

import java.util.List;
import java.util.Optional;

/**
 * The header cards of the image HDU in file order (END excluded), kept verbatim so that a FITS export
 * can carry the original header forward, plus the summary users see.
 */
public record FitsHeader(List<HeaderCard> cards, HeaderSummary summary) {

    public FitsHeader {
        cards = List.copyOf(cards);
    }

    public Optional<HeaderCard> card(String keyword) {
        return cards.stream().filter(c -> c.keyword().equals(keyword)).findFirst();
    }

    public Optional<String> stringValue(String keyword) {
        return card(keyword).map(HeaderCard::value);
    }

    public Optional<Double> doubleValue(String keyword) {
        return card(keyword).flatMap(HeaderCard::doubleValue);
    }
}
