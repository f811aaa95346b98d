package org.fitsflow.processors.fits;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for FITS file names: a stem and a FITS extension ({@code .fit .fits .fts}, optionally
 * followed by {@code .gz} or {@code .fz}, or {@code .fz} alone), case-insensitive:
 * {@code Stacked_74_M 42.fits.gz} -> stem {@code Stacked_74_M 42}, extension {@code .fits.gz}. A name
 * without a FITS extension keeps its whole name as stem.
 */
public record FitsFileName(String stem, String extension) {
    private static final Pattern FITS = Pattern.compile("(?i)^(.*?)(\\.(?:fits|fit|fts)(?:\\.gz|\\.fz)?|\\.fz)$");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final int MAX_STEM = 100;

    public static FitsFileName of(String name) {
        Matcher m = FITS.matcher(name);
        return m.matches() ? new FitsFileName(m.group(1), m.group(2).toLowerCase(Locale.ROOT)) : new FitsFileName(name, "");
    }

    /** The name of the file's last path element. */
    public static FitsFileName of(Path file) {
        return of(file.getFileName().toString());
    }

    public boolean isFits() {
        return !extension.isEmpty();
    }

    /**
     * The stem reduced to letters, digits, dot, dash and underscore, at most 100 characters, never starting
     * with a dot: safe as a file name on any system, whatever a client sent.
     */
    public String safeStem() {
        String safe = UNSAFE.matcher(stem).replaceAll("_").replaceAll("^[._]+", "");
        return safe.length() > MAX_STEM ? safe.substring(0, MAX_STEM) : safe;
    }
}
