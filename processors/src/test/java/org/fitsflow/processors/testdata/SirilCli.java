package org.fitsflow.processors.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Siril's command-line program, the peer FitsFlow's image maths is held against (Debian package {@code siril},
 * 1.0.6; system property {@code fitsflow.siril} points elsewhere). Each run gets its own settings file and home
 * folder, so that no user configuration changes the outcome.
 */
public final class SirilCli {
    public static final Path EXECUTABLE = Path.of(System.getProperty("fitsflow.siril", "/usr/bin/siril-cli"));
    private static final long TIMEOUT_SECONDS = 120;
    /** Siril's settings, libconfig format: the pattern from BAYERPAT, applied top-down (as stored), RCD (8). */
    private static final String SETTINGS = """
            debayer-settings :
            {
              use_bayer_header = true;
              roworder_top_down = true;
              debayer_algo = 8;
            };
            """;

    private SirilCli() {
    }

    /**
     * Fails when CI ({@code -Dfitsflow.strict=true}) lacks Siril; elsewhere the test is skipped with a loud
     * message.
     */
    public static void requireInstalled() {
        if (Files.isExecutable(EXECUTABLE)) {
            return;
        }
        String message = "SKIPPED: siril-cli not installed (" + EXECUTABLE + ") - CI installs it: apt-get install -y siril";
        if (Boolean.getBoolean("fitsflow.strict")) {
            Assertions.fail(message.replace("SKIPPED", "FAILED (strict)"));
        }
        System.err.println(message);
        Assumptions.abort(message);
    }

    /** Siril's RCD debayer of one raw sub ({@code convert -debayer}); returns the colour frame it wrote. */
    public static Path debayer(Path sub, Path work) throws IOException, InterruptedException {
        Path input = Files.createDirectories(work.resolve("in"));
        Files.copy(sub, input.resolve("sub.fit"));
        run(work, """
                requires 1.0.0
                setcompress 0
                cd in
                convert light -debayer -out=../out
                close
                """);
        return work.resolve("out/light_00001.fit");
    }

    private static void run(Path work, String script) throws IOException, InterruptedException {
        Files.writeString(work.resolve("siril.config"), SETTINGS);
        Files.writeString(work.resolve("script.ssf"), script);
        Path log = work.resolve("siril.log");
        ProcessBuilder builder = new ProcessBuilder(EXECUTABLE.toString(), "-i", "siril.config", "-s", "script.ssf")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", work.toString());
        Process siril = builder.start();
        if (!siril.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            siril.destroyForcibly();
            Assertions.fail("siril-cli did not finish in " + TIMEOUT_SECONDS + " s; its log:\n" + Files.readString(log));
        }
        if (siril.exitValue() != 0) {
            Assertions.fail("siril-cli exited with " + siril.exitValue() + "; its log:\n" + Files.readString(log));
        }
    }
}
