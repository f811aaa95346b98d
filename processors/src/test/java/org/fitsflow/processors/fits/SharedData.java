package org.fitsflow.processors.fits;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real test files under shared/data (system property {@code fitsflow.shared}, set by the build). */
final class SharedData {
    static final Path ROOT = Path.of(System.getProperty("fitsflow.shared", "../../shared"));
    static final Path SUB_NGC7023 = ROOT.resolve("data/seestar-subs/Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit");
    static final Path SUB_M94 = ROOT.resolve("data/seestar-subs/Light_M_94_10.0s_IRCUT_20250326-212046.fit");
    static final Path RGB_NGC7023 = ROOT.resolve("data/frames/seestar-rgb-ngc7023.fit");
    static final Path SYNTHETIC_STACKED = ROOT.resolve("data/frames/synthetic-stacked.fit");

    private SharedData() {
    }

    static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test data missing: " + file.toAbsolutePath()
                    + " (set -Dfitsflow.shared to the shared folder)");
        }
        return file;
    }
}
