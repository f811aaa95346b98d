package org.fitsflow.routes.nights;

import java.math.BigDecimal;
import java.util.Locale;
import org.fitsflow.routes.store.NightKey;

/**
 * Names in the outbox and the API. A target's files go to {@code outbox/<target>/}: a night's stack is
 * {@code <target> <night date> <N>x<exp>s.<ext>} (N the subs it was given), the deep stack {@code <target> all nights.<ext>}.
 * The Seestar's usual filter (IRCUT) or none adds nothing to a name; any other (LP) is added at the end, so that the
 * nights of the two filters, which are different projects, never replace each other's files.
 */
public final class NightNames {
    private static final String USUAL_FILTER = "IRCUT";

    private NightNames() {
    }

    /** The target's folder in the outbox: its name with the characters no file system takes replaced. */
    public static String folder(String target) {
        String safe = target.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip().replaceAll("^\\.+", "_");
        return safe.isEmpty() ? "Unknown" : safe;
    }

    public static String nightStem(NightKey night, int subs) {
        return folder(night.target()) + " " + night.nightDate() + " " + subs + "x" + exposure(night.exposureSeconds()) + "s"
                + filterSuffix(night.filter());
    }

    public static String deepStem(String target, String filter) {
        return folder(target) + " all nights" + filterSuffix(filter);
    }

    /** The target's id in the API: object and filter in lower case, [a-z0-9-], joined by "--" ({@code m-94--ircut}). */
    public static String targetId(String target, String filter) {
        return slug(target) + "--" + (filter.isBlank() ? "none" : slug(filter));
    }

    /** 10.0 -> "10", 2.5 -> "2.5". */
    static String exposure(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }

    private static String filterSuffix(String filter) {
        return filter.isBlank() || filter.equalsIgnoreCase(USUAL_FILTER) ? "" : " " + folder(filter);
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "unknown" : slug;
    }
}
