package org.fitsflow.routes.nights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.routes.store.NightKey;
import org.fitsflow.routes.support.SharedFiles;
import org.junit.jupiter.api.Test;

/** Which inbox files are raw subs, and which night each belongs to. */
class RawSubTest {
    private static final long MTIME = Instant.parse("2026-01-10T03:00:00Z").toEpochMilli();

    @Test
    void aRealSeestarSubIsOneByItsHeaderWhereverItIs() throws IOException {
        FitsHeader header = FitsReader.readHeader(SharedFiles.m94Subs().get(0));

        RawSub sub = RawSub.recognise("anywhere/Light_M_94.fit", header, MTIME).orElseThrow();

        assertThat(sub.night()).isEqualTo(new NightKey("M 94", "IRCUT", 10.0, "2025-03-26"));
        assertThat(sub.takenAt()).isEqualTo(Instant.parse("2025-03-27T01:20:32.955368Z"));
    }

    @Test
    void aSingleFrameIsNone() throws IOException {
        FitsHeader stacked = FitsReader.readHeader(SharedFiles.rgbNgc7023());
        assertThat(RawSub.recognise("MyWorks/NGC 7023/Stacked_12_NGC 7023_10.0s_IRCUT_20240730-230000.fit", stacked, MTIME)).isEmpty();
        assertThat(RawSub.recognise("MyWorks/NGC 7023_sub/frame.fit", stacked, MTIME)).as("three planes").isEmpty();
    }

    @Test
    void aDarkIsNone() {
        FitsHeader dark = header(List.of(new HeaderCard("IMAGETYP", "Dark", null)), "GRBG", "M 94", "IRCUT");
        assertThat(RawSub.recognise("MyWorks/M 94_sub/Dark_1.fit", dark, MTIME)).isEmpty();
    }

    @Test
    void inASeestarSubFolderAMonoFrameWithoutObjectTakesTheFoldersTarget() {
        FitsHeader mono = header(List.of(), null, null, null);

        assertThat(RawSub.recognise("MyWorks/NGC 7000_sub/Light_1.fit", mono, MTIME)).get()
                .extracting(RawSub::night).isEqualTo(new NightKey("NGC 7000", "", 0.0, "2026-01-09"));
        assertThat(RawSub.recognise("MyWorks/IC 434-sub/Light_1.fit", mono, MTIME)).get()
                .extracting(s -> s.night().target()).isEqualTo("IC 434");
        assertThat(RawSub.recognise("MyWorks/IC 434/Light_1.fit", mono, MTIME)).as("no sub folder, no Bayer pattern").isEmpty();
    }

    @Test
    void withoutDateObsTheFilesTimeCounts() {
        FitsHeader raw = header(List.of(new HeaderCard("SITELONG", "-120.0", null)), "RGGB", "M 31", "LP");

        RawSub sub = RawSub.recognise("Light_M31.fit", raw, MTIME).orElseThrow();

        assertThat(sub.takenAt()).isEqualTo(Instant.ofEpochMilli(MTIME));
        assertThat(sub.night()).as("19:00 local the evening before").isEqualTo(new NightKey("M 31", "LP", 0.0, "2026-01-09"));
    }

    private static FitsHeader header(List<HeaderCard> extra, String bayer, String object, String filter) {
        List<HeaderCard> cards = new ArrayList<>(extra);
        HeaderSummary summary = new HeaderSummary(1080, 1920, 1, 16, object, null, filter, null, null, null, bayer, null, null, null);
        return new FitsHeader(cards, summary);
    }
}
