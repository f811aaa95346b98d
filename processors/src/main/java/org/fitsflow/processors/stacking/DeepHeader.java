package org.fitsflow.processors.stacking;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;

/**
 * The deep stack's header: the framed reference night's cards (crop and WCS already moved), less the reference's
 * own HISTORY, with {@code STACKCNT} the subs of every night combined, {@code TOTALEXP} and {@code LIVETIME} their
 * sums, {@code DATE-OBS} the earliest night's start and {@code DATE-END} the latest night's end.
 */
final class DeepHeader {
    private static final Set<String> REPLACED = Set.of("STACKCNT", "TOTALEXP", "LIVETIME", "DATE-OBS", "DATE-END",
            "HISTORY");

    private DeepHeader() {
    }

    static FitsHeader of(FitsHeader framed, List<NightMaster> nights) {
        int subs = 0;
        double total = 0;
        double live = 0;
        Optional<LocalDateTime> first = Optional.empty();
        Optional<LocalDateTime> last = Optional.empty();
        for (NightMaster night : nights) {
            subs += night.stackCount();
            total += night.totalExposure();
            live += night.liveTime();
            Optional<LocalDateTime> start = MasterHeader.parse(night.dateObs());
            Optional<LocalDateTime> end = MasterHeader.parse(night.dateEnd());
            if (start.isPresent() && first.map(f -> start.get().isBefore(f)).orElse(true)) {
                first = start;
            }
            if (end.isPresent() && last.map(l -> end.get().isAfter(l)).orElse(true)) {
                last = end;
            }
        }
        List<HeaderCard> cards = new ArrayList<>();
        for (HeaderCard card : framed.cards()) {
            if (!REPLACED.contains(card.keyword())) {
                cards.add(card);
            }
        }
        cards.add(new HeaderCard("STACKCNT", Integer.toString(subs), "subs combined, all nights"));
        cards.add(new HeaderCard("TOTALEXP", MasterHeader.number(total), "[s] summed exposure, all nights"));
        cards.add(new HeaderCard("LIVETIME", MasterHeader.number(live), "[s] summed exposure, all nights"));
        first.ifPresent(d -> cards.add(new HeaderCard("DATE-OBS", d.format(MasterHeader.ISO_MILLIS),
                "start of the first night", true)));
        last.ifPresent(d -> cards.add(new HeaderCard("DATE-END", d.format(MasterHeader.ISO_MILLIS),
                "end of the last night", true)));
        HeaderSummary s = framed.summary();
        HeaderSummary summary = new HeaderSummary(s.width(), s.height(), s.planes(), s.bitpix(), s.object(),
                s.exposureSeconds(), s.filter(), s.gain(), s.instrument(), subs, null,
                first.map(d -> d.format(MasterHeader.ISO_MILLIS)).orElse(null), s.focalLengthMm(), s.pixelSizeMicrons());
        return new FitsHeader(cards, summary);
    }
}
