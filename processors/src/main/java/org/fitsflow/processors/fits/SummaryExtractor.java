package org.fitsflow.processors.fits;

import java.util.List;
import java.util.Optional;

import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;

/**
 * The header summary users see. Looks in the image HDU first, then the primary header; the first keyword
 * found of each alternative wins (EXPTIME before EXPOSURE, STACKCNT (Seestar) before NCOMBINE).
 */
final class SummaryExtractor {

    private SummaryExtractor() {
    }

    static HeaderSummary summarise(ImageLayout layout, List<ParsedHeader> headers) {
        SummaryExtractor.Lookup lookup = new Lookup(headers);
        Double stack = lookup.number("STACKCNT", "NCOMBINE");
        return new HeaderSummary(
                layout.width(),
                layout.height(),
                layout.planes(),
                layout.bitpix(),
                lookup.text("OBJECT"),
                lookup.number("EXPTIME", "EXPOSURE"),
                lookup.text("FILTER"),
                lookup.number("GAIN"),
                lookup.text("INSTRUME"),
                stack == null || stack != Math.rint(stack) || Math.abs(stack) > Integer.MAX_VALUE ? null : stack.intValue(),
                lookup.text("BAYERPAT"),
                lookup.text("DATE-OBS"),
                lookup.number("FOCALLEN"),
                lookup.number("XPIXSZ"));
    }

    private record Lookup(List<ParsedHeader> headers) {

        String text(String keyword) {
            return headers.stream()
                    .map(h -> h.string(keyword))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(null);
        }

        Double number(String... keywords) {
            for (String keyword : keywords) {
                for (ParsedHeader header : headers) {
                    Optional<Double> value = header.card(keyword).flatMap(HeaderCard::doubleValue).filter(Double::isFinite);
                    if (value.isPresent()) {
                        return value.get();
                    }
                }
            }
            return null;
        }
    }
}
