package org.fitsflow.processors.stacking;

import java.nio.file.Path;
import java.util.Locale;
import org.fitsflow.processors.fits.InvalidFitsException;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;

/**
 * One night's master as the deep stack sees it: its measurement (stars on the green plane, channel levels, as a
 * sub's), the subs it stacks ({@code STACKCNT}), their exposure ({@code TOTALEXP}, {@code LIVETIME}) and when they
 * were taken ({@code DATE-OBS} to {@code DATE-END}).
 */
record NightMaster(SubMeasurement measurement, int stackCount, double totalExposure, double liveTime, String dateObs,
                   String dateEnd) {

    /** @throws InvalidFitsException for anything but a 3-plane master with {@code STACKCNT}, saying what it is */
    static void requireMaster(Path file, Image image) throws InvalidFitsException {
        if (image.channels() != 3 || image.header().summary().stackCount() == null) {
            throw new InvalidFitsException(file.getFileName() + " is not a night master but " + what(image)
                    + "; a deep stack combines the 3-plane masters that night_stack and stack_subs write (with STACKCNT)");
        }
    }

    /** The master's measurement with the figures of its header ({@link #requireMaster} checked it is one). */
    static NightMaster of(Image image, SubMeasurement measurement) {
        FitsHeader header = image.header();
        HeaderSummary s = header.summary();
        double exposure = s.exposureSeconds() == null ? 0 : s.exposureSeconds();
        double total = header.doubleValue("TOTALEXP").orElse(exposure * s.stackCount());
        return new NightMaster(measurement, s.stackCount(), total, header.doubleValue("LIVETIME").orElse(total),
                s.dateObs(), header.stringValue("DATE-END").orElse(s.dateObs()));
    }

    Path file() {
        return measurement.file();
    }

    private static String what(Image image) {
        HeaderSummary s = image.header().summary();
        if (s.isRawMosaic()) {
            return String.format(Locale.ROOT, "a raw sub (one plane, BAYERPAT %s)", s.bayerPattern());
        }
        return String.format(Locale.ROOT, "a %d-plane frame %s", image.channels(),
                s.stackCount() == null ? "without STACKCNT" : "with STACKCNT " + s.stackCount());
    }
}
