package org.fitsflow.processors.stacking;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;

/**
 * The master's header: the reference sub's cards, less those that described a raw sub or an earlier stack,
 * plus {@code STACKCNT} (subs used), {@code TOTALEXP} and {@code LIVETIME} (their summed exposure, seconds),
 * {@code DATE-OBS} (start of the first sub used) and {@code DATE-END} (end of the last one). A crop moves the
 * reference pixel of a WCS ({@code CRPIX1}, {@code CRPIX2}) with the grid.
 */
final class MasterHeader {
    private static final Set<String> REPLACED = Set.of("BAYERPAT", "STACKCNT", "TOTALEXP", "LIVETIME", "DATE-OBS",
            "DATE-END", "NAXIS3");
    static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);

    private MasterHeader() {
    }

    static FitsHeader of(FitsHeader reference, List<SubMeasurement> used, int width, int height, int channels,
                         CoverageCrop crop) {
        double totalExposure = 0;
        Optional<LocalDateTime> first = Optional.empty();
        Optional<LocalDateTime> last = Optional.empty();
        for (SubMeasurement sub : used) {
            HeaderSummary s = sub.header().summary();
            double exposure = s.exposureSeconds() == null ? 0 : s.exposureSeconds();
            totalExposure += exposure;
            Optional<LocalDateTime> start = parse(s.dateObs());
            if (start.isPresent()) {
                LocalDateTime end = start.get().plusNanos(Math.round(exposure * 1e9));
                first = first.filter(f -> !f.isAfter(start.get())).or(() -> start);
                last = last.filter(l -> !l.isBefore(end)).or(() -> Optional.of(end));
            }
        }
        List<HeaderCard> cards = new ArrayList<>();
        for (HeaderCard card : reference.cards()) {
            if (REPLACED.contains(card.keyword())) {
                continue;
            }
            if (crop != null && (card.keyword().equals("CRPIX1") || card.keyword().equals("CRPIX2"))
                    && card.doubleValue().isPresent()) {
                double shift = card.keyword().equals("CRPIX1") ? crop.x() : crop.y();
                cards.add(new HeaderCard(card.keyword(), number(card.doubleValue().get() - shift), card.comment()));
                continue;
            }
            cards.add(card);
        }
        cards.add(new HeaderCard("STACKCNT", Integer.toString(used.size()), "number of subs combined"));
        cards.add(new HeaderCard("TOTALEXP", number(totalExposure), "[s] summed exposure of the subs combined"));
        cards.add(new HeaderCard("LIVETIME", number(totalExposure), "[s] summed exposure of the subs combined"));
        first.ifPresent(d -> cards.add(new HeaderCard("DATE-OBS", d.format(ISO_MILLIS), "start of the first sub", true)));
        last.ifPresent(d -> cards.add(new HeaderCard("DATE-END", d.format(ISO_MILLIS), "end of the last sub", true)));
        HeaderSummary s = reference.summary();
        HeaderSummary summary = new HeaderSummary(width, height, channels, -32, s.object(), s.exposureSeconds(),
                s.filter(), s.gain(), s.instrument(), used.size(), null, first.map(d -> d.format(ISO_MILLIS)).orElse(null),
                s.focalLengthMm(), s.pixelSizeMicrons());
        return new FitsHeader(cards, summary);
    }

    static Optional<LocalDateTime> parse(String dateObs) {
        if (dateObs == null || dateObs.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(dateObs.trim().replace(' ', 'T')).truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.6f", value);
    }
}
