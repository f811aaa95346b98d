package org.fitsflow.processors.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutlierFlaggerTest {
    private final OutlierFlagger flagger = new OutlierFlagger();

    @Test
    void flagsCloudsTrailingAndBadSeeingAndLeavesTheRest() {
        List<SubQuality> subs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            subs.add(sub("ok" + i, "M 94", 300 + 7 * (i % 3), 2.2 + 0.03 * (i % 4), 0.76, 0.0124 + 0.00005 * (i % 2)));
        }
        subs.add(sub("cloud", "M 94", 90, 2.3, 0.75, 0.0190));
        subs.add(sub("trail", "M 94", 290, 2.9, 0.42, 0.0124));
        subs.add(sub("seeing", "M 94", 295, 3.4, 0.77, 0.0124));

        List<SubQuality> flagged = flagger.flag(subs);

        assertThat(flagged.subList(0, 12)).noneMatch(SubQuality::flagged);
        assertThat(flagged.get(12).reason()).startsWith("clouds: 90 stars against a median of 30");
        assertThat(flagged.get(13).reason()).contains("trailing: roundness 0.42");
        assertThat(flagged.get(14).reason()).isEqualTo("FWHM 3.40 px against a median of 2.26 px (seeing or focus)");
    }

    @Test
    void seriesAreJudgedSeparatelyAndShortSeriesOnlyByAbsoluteChecks() {
        List<SubQuality> subs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subs.add(sub("a" + i, "NGC 7023", 300 + i, 2.2, 0.75, 0.012));
        }
        // Another target with far fewer stars is not an outlier of the first series.
        subs.add(sub("b0", "M 94", 70, 2.9, 0.70, 0.015));
        subs.add(sub("b1", "M 94", 20, 2.9, 0.70, 0.015));
        subs.add(sub("c0", "M 101", 0, Double.NaN, Double.NaN, 0.02));

        List<SubQuality> flagged = flagger.flag(subs);

        assertThat(flagged.subList(0, 7)).noneMatch(SubQuality::flagged);
        assertThat(flagged.get(7).reason()).isEqualTo("no stars detected");
    }

    @Test
    void unreadableSubsKeepTheirReason() {
        SubQuality broken = SubQuality.unreadable(Path.of("x.fit"), "not a FITS file");
        assertThat(flagger.flag(List.of(broken)).get(0).reason()).isEqualTo("unreadable: not a FITS file");
    }

    private static SubQuality sub(String name, String object, int stars, double fwhm, double roundness, double background) {
        return new SubQuality(Path.of(name + ".fit"), object, "2025-03-27T01:20:32", 10.0,
                new FrameQuality(stars, fwhm, fwhm * 2.39, roundness, background, 0.00085), null, List.of());
    }
}
