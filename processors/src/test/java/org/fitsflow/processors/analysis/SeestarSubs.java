package org.fitsflow.processors.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real Seestar S50 raw subs under shared/data/seestar-subs (system property {@code fitsflow.shared}). */
public final class SeestarSubs {
    public static final Path FOLDER = Path.of(System.getProperty("fitsflow.shared", "../../shared"), "data", "seestar-subs");
    public static final List<String> NGC7023_10S = List.of(
            "Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit",
            "Light_NGC_7023_10.0s_IRCUT_20240730-224448.fit",
            "Light_NGC_7023_10.0s_IRCUT_20240730-224459.fit");

    private SeestarSubs() {
    }

    public static List<Path> all() throws IOException {
        if (!Files.isDirectory(FOLDER)) {
            throw new IllegalStateException("test data missing: " + FOLDER.toAbsolutePath()
                    + " (set -Dfitsflow.shared to the shared folder)");
        }
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".fit")).sorted().toList();
        }
    }

    public static List<Path> ngc7023TenSeconds() {
        return NGC7023_10S.stream().map(FOLDER::resolve).toList();
    }
}
