package org.fitsflow.routes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real FITS files under shared/data (system property {@code fitsflow.shared}, set by the build). */
public final class SharedFiles {
    private static final Path ROOT = Path.of(System.getProperty("fitsflow.shared", "../../shared"));

    private SharedFiles() {
    }

    /** 3 x 1080 x 1920 16-bit, shaped like a Seestar stacked frame. */
    public static Path rgbNgc7023() {
        return require(ROOT.resolve("data/frames/seestar-rgb-ngc7023.fit"));
    }

    public static Path syntheticStacked() {
        return require(ROOT.resolve("data/frames/synthetic-stacked.fit"));
    }

    /** A raw GRBG sub-frame. */
    public static Path rawSubNgc7023() {
        return require(ROOT.resolve("data/seestar-subs/Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit"));
    }

    /** The raw subs of NGC 7023 of one night (10 s, 2024-07-30), the night of {@link #rgbNgc7023()}. */
    public static List<Path> ngc7023NightSubs() {
        return subsStartingWith("Light_NGC_7023_10.0s_");
    }

    /** The raw subs of M 94, one night. */
    public static List<Path> m94Subs() {
        return subsStartingWith("Light_M_94_");
    }

    private static List<Path> subsStartingWith(String prefix) {
        try (Stream<Path> subs = Files.list(ROOT.resolve("data/seestar-subs"))) {
            return subs.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().map(SharedFiles::require).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test data missing: " + file.toAbsolutePath()
                    + " (set -Dfitsflow.shared to the shared folder)");
        }
        return file;
    }
}
