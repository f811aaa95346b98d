package org.fitsflow.routes.nights;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.routes.store.NightKey;

/**
 * A raw sub of the inbox and the night it belongs to. A file is a raw sub when its header says so (a Bayer
 * mosaic, {@code BAYERPAT} on a 2-D image, with {@code IMAGETYP} Light or none), or when it is a single-plane
 * image in a Seestar sub folder ({@code <target>_sub}, older firmware {@code <target>-sub}). Its target is
 * {@code OBJECT}, else the folder's name without that suffix; it was taken at {@code DATE-OBS} (UTC), else
 * at the file's modification time.
 */
public record RawSub(NightKey night, Instant takenAt, Instant nightEnd) {
    public static Optional<RawSub> recognise(String relativePath, FitsHeader header, long mtimeMs) {
        HeaderSummary summary = header.summary();
        String folder = SeestarSubFolder.parentName(relativePath);
        Optional<String> subFolderTarget = SeestarSubFolder.subFolderTarget(folder);
        String type = header.stringValue("IMAGETYP").map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("light");
        boolean light = type.startsWith("light");
        boolean byHeader = summary.isRawMosaic() && light;
        boolean byFolder = subFolderTarget.isPresent() && summary.planes() == 1 && light;
        if (!byHeader && !byFolder) {
            return Optional.empty();
        }
        String object = summary.object() == null ? "" : summary.object().strip();
        String target = !object.isEmpty() ? object : subFolderTarget.orElse(folder.isEmpty() ? "Unknown" : folder);
        String filter = summary.filter() == null ? "" : summary.filter().strip();
        double exposure = summary.exposureSeconds() == null ? 0 : summary.exposureSeconds();
        Instant taken = NightClock.dateObs(summary.dateObs()).orElse(Instant.ofEpochMilli(mtimeMs));
        NightClock clock = NightClock.at(header.doubleValue("SITELONG").orElse(null));
        return Optional.of(new RawSub(new NightKey(target, filter, exposure, clock.nightDate(taken).toString()), taken,
                clock.nightEnd(taken)));
    }
}
