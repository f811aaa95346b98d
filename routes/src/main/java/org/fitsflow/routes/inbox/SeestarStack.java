package org.fitsflow.routes.inbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fitsflow.processors.fits.FitsFileName;

/**
 * A Seestar growing stack, {@code Stacked_<n>_<target>_<exp>s_<filter>_<timestamp>.fit}: the telescope
 * writes a new file with more frames as the session goes on. Stacks of one series (same folder, target,
 * exposure and filter) supersede each other: more frames win, and at equal count the later file.
 */
public record SeestarStack(String folder, int frames, String series, long mtimeMs) {
    /** The stem of a stack's name; its extension is any FITS one ({@link FitsFileName}). */
    private static final Pattern STEM = Pattern.compile("(?i)^Stacked_(\\d+)_(.+)_([0-9.]+s)_([^_]+)_(\\d{8}-\\d{6})$");

    /** @param relativePath path relative to the inbox, '/'-separated */
    public static Optional<SeestarStack> parse(String relativePath, long mtimeMs) {
        int slash = relativePath.lastIndexOf('/');
        String folder = slash < 0 ? "" : relativePath.substring(0, slash);
        FitsFileName name = FitsFileName.of(relativePath.substring(slash + 1));
        Matcher m = STEM.matcher(name.stem());
        if (!name.isFits() || !m.matches()) {
            return Optional.empty();
        }
        String series = m.group(2) + "_" + m.group(3) + "_" + m.group(4);
        return Optional.of(new SeestarStack(folder, Integer.parseInt(m.group(1)), series, mtimeMs));
    }

    public boolean sameSeries(SeestarStack other) {
        return folder.equals(other.folder) && series.equalsIgnoreCase(other.series);
    }

    /** True when {@code other} is a later stack of the same series. */
    public boolean isSupersededBy(SeestarStack other) {
        return sameSeries(other)
                && (other.frames > frames || (other.frames == frames && other.mtimeMs > mtimeMs));
    }
}
