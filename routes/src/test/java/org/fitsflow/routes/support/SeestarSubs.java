package org.fitsflow.routes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Raw Seestar subs for the nights: the real M 94 subs of shared/data, more made from them by bench/make_subs.py
 * (even shifts or rotations and fresh noise, DATE-OBS moved to other nights), and copies with another FILTER card.
 * They reach an inbox as the telescope's sync writes them: under a temporary name, then renamed.
 */
public final class SeestarSubs {
    private static final Path MAKE_SUBS = Path.of(System.getProperty("fitsflow.bench", "../bench")).resolve("make_subs.py");
    private static final Path SUBS = SharedFiles.m94Subs().get(0).getParent();

    private SeestarSubs() {
    }

    /** {@code make_subs.py nights}: M 94 night 1 (3 subs), night 2 (3 subs, rotated 70 degrees), night 4 (2 subs). */
    public static List<Path> nights(Path out) {
        python("nights", SUBS.toString(), "Light_M_94_*", out.toString());
        return list(out);
    }

    /** {@code make_subs.py shifted}: {@code count} M 94 subs of one night. */
    public static List<Path> shifted(int count, Path out) {
        python("shifted", SUBS.toString(), "Light_M_94_*", Integer.toString(count), out.toString());
        return list(out);
    }

    /** A copy of {@code sub} whose FILTER card says {@code filter} (8 characters at most, as the card keeps its length). */
    public static Path withFilter(Path sub, String filter, Path copy) throws IOException {
        byte[] bytes = Files.readAllBytes(sub);
        String header = new String(bytes, 0, 2880 * 2, StandardCharsets.US_ASCII);
        int at = header.indexOf("FILTER  = '");
        assertThat(at).as("FILTER card of " + sub).isGreaterThanOrEqualTo(0);
        byte[] value = String.format("'%-8s'", filter).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(value, 0, bytes, at + 10, value.length);
        Files.createDirectories(copy.getParent());
        return Files.write(copy, bytes);
    }

    /** Puts {@code sub} into {@code folder} the way a sync tool does: written under a hidden name, then renamed. */
    public static Path drop(Path sub, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + sub.getFileName() + ".sync");
        Files.copy(sub, temporary, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(temporary, folder.resolve(sub.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void python(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("python3", MAKE_SUBS.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("make_subs.py finished").isTrue();
            assertThat(process.exitValue()).as("make_subs.py " + String.join(" ", args) + ": " + output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".fit")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
