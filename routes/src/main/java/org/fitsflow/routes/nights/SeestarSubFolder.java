package org.fitsflow.routes.nights;

import java.util.Locale;
import java.util.Optional;

/** The Seestar's folder of raw subs, {@code MyWorks/<target>_sub/} ({@code <target>-sub/} with older firmware). */
final class SeestarSubFolder {
    private static final String[] SUFFIXES = {"_sub", "-sub"};

    private SeestarSubFolder() {
    }

    /** The name of the folder holding the file ("" directly in the inbox); {@code relativePath} is '/'-separated. */
    static String parentName(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        String folder = relativePath.substring(0, slash);
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    /** The target a sub folder is named after, when {@code folder} is one. */
    static Optional<String> subFolderTarget(String folder) {
        String lower = folder.toLowerCase(Locale.ROOT);
        for (String suffix : SUFFIXES) {
            if (lower.endsWith(suffix) && folder.length() > suffix.length()) {
                return Optional.of(folder.substring(0, folder.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }
}
