package org.fitsflow.routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fitsflow.processors.fits.HostileFitsCorpus;
import org.fitsflow.processors.fits.TestFits;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestClock;
import org.fitsflow.routes.support.TestStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When an inbox file counts as completely written, on real files in a temporary folder. The clock is
 * driven by the test; each write stamps the file with the test's "now" as its modification time.
 */
class InboxStabilityTest {
    private static byte[] frame;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
    // stable-seconds = 1 in the test properties
    private final InboxStability stability = new InboxStability(clock, TestStore.properties(Path.of("d"), Path.of("i"), Path.of("o")));

    @BeforeAll
    static void readTheFrame() throws IOException {
        frame = Files.readAllBytes(SharedFiles.rgbNgc7023());
    }

    @Test
    void aWholeFrameIsCompleteAtTheNextScanThatSeesItUnchanged() {
        Path file = write("whole.fit", frame);
        assertThat(scan(file)).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(scan(file)).isTrue();
    }

    /** SMB clients set the full size first and then fill the file: whole length, but the mtime moves. */
    @Test
    void aFileSizedFirstAndFilledAfterwardsIsNotCompleteWhileItsWritesGoOn() throws IOException {
        byte[] sized = Arrays.copyOf(Arrays.copyOf(frame, 5760), frame.length);
        Path file = write("sized.fit", sized);
        assertThat(scan(file)).isFalse();
        for (int part = 1; part <= 4; part++) {
            clock.advance(Duration.ofMillis(100));
            System.arraycopy(frame, 0, sized, 0, frame.length * part / 4);
            Files.write(file, sized);
            touch(file);
            assertThat(scan(file)).as("part %d written", part).isFalse();
        }
        clock.advance(Duration.ofMillis(100));
        assertThat(scan(file)).as("no write since the last scan").isTrue();
    }

    @Test
    void aFrameBeingCopiedIsCompleteOnceItReachesItsDeclaredLength() {
        Path file = write("copy.fit", Arrays.copyOf(frame, 1000));
        assertThat(scan(file)).as("header not yet whole").isFalse();
        clock.advance(Duration.ofMillis(100));
        append(file, Arrays.copyOfRange(frame, 1000, 100_000));
        assertThat(scan(file)).as("header whole, data short").isFalse();
        clock.advance(Duration.ofMillis(100));
        append(file, Arrays.copyOfRange(frame, 100_000, frame.length - 1));
        assertThat(scan(file)).as("one byte short").isFalse();
        clock.advance(Duration.ofMillis(100));
        append(file, Arrays.copyOfRange(frame, frame.length - 1, frame.length));
        assertThat(scan(file)).as("whole, just written").isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(scan(file)).as("whole, unchanged").isTrue();
    }

    /**
     * A copy that stops short (aborted, or paused for longer than stable-seconds) is taken after the wait,
     * so that the intake records it as truncated instead of leaving it unnoticed; when the copy goes on,
     * the whole file is complete again one scan later.
     */
    @Test
    void aCopyThatStopsShortIsCompleteOnlyAfterTheStableWait() {
        Path file = write("cut.fit", Arrays.copyOf(frame, 100_000));
        assertThat(scan(file)).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(scan(file)).isFalse();
        clock.advance(Duration.ofMillis(600));
        assertThat(scan(file)).isTrue();

        clock.advance(Duration.ofMillis(100));
        append(file, Arrays.copyOfRange(frame, 100_000, frame.length));
        assertThat(scan(file)).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(scan(file)).isTrue();
    }

    static Stream<Arguments> filesWhoseHeaderDoesNotSayTheyAreWhole() {
        return Stream.of(
                Arguments.of("gzip", (Function<Path, Path>) dir -> TestFits.image(16, 4, 4).gzipped().writeTo(dir.resolve("a.fit.gz"))),
                Arguments.of("image in an extension", (Function<Path, Path>) dir -> TestFits.image(16, 4, 4).inExtension().writeTo(dir.resolve("ext.fit"))),
                Arguments.of("longer than declared", (Function<Path, Path>) dir -> {
                    Path file = write(dir.resolve("longer.fit"), frame);
                    return appendBytes(file, new byte[2880]);
                }),
                Arguments.of("not FITS", (Function<Path, Path>) HostileFitsCorpus::text),
                Arguments.of("empty", (Function<Path, Path>) HostileFitsCorpus::empty),
                Arguments.of("header without END", (Function<Path, Path>) HostileFitsCorpus::noEnd),
                Arguments.of("data truncated", (Function<Path, Path>) HostileFitsCorpus::truncated));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWhoseHeaderDoesNotSayTheyAreWhole")
    void anyOtherFileIsCompleteOnceUnchangedForTheStableTime(String kind, Function<Path, Path> make) throws IOException {
        Path file = make.apply(dir);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        assertThat(scan(file)).as("first sight").isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(scan(file)).isFalse();
        clock.advance(Duration.ofMillis(600));
        assertThat(scan(file)).isTrue();
    }

    @Test
    void aGrowingFileIsNotComplete() {
        Path file = write("growing.fit", new byte[0]);
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofMillis(700));
            append(file, "not a FITS header, still growing ".getBytes(StandardCharsets.US_ASCII));
            assertThat(scan(file)).isFalse();
        }
        clock.advance(Duration.ofMillis(700));
        assertThat(scan(file)).isFalse();
        clock.advance(Duration.ofMillis(700));
        assertThat(scan(file)).isTrue();
    }

    @Test
    void theHeaderIsNotReadAgainWhileSizeAndMtimeStayTheSame() throws IOException {
        Path file = write("whole.fit", frame);
        scan(file);
        clock.advance(Duration.ofMillis(100));
        assertThat(scan(file)).isTrue();
        FileTime mtime = Files.getLastModifiedTime(file);
        // same size, same mtime: what the first look decided stands
        Files.write(file, new byte[frame.length]);
        Files.setLastModifiedTime(file, mtime);
        assertThat(scan(file)).isTrue();
        // a new mtime is a new look: no header any more, so the wait decides
        clock.advance(Duration.ofMillis(100));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        assertThat(scan(file)).isFalse();
    }

    /** Files deleted or renamed in the inbox must not be remembered for as long as the service runs. */
    @Test
    void filesNoScanHasSeenForTwoMinutesAreForgotten() throws IOException {
        Path kept = write("kept.fit", frame);
        Path deleted = write("deleted.fit", frame);
        scan(kept);
        scan(deleted);
        Files.delete(deleted);
        for (int i = 0; i < 121; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(scan(kept)).isTrue();
        }
        assertThat(stability.remembered()).isEqualTo(1);
    }

    private boolean scan(Path file) {
        try {
            return stability.isComplete(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, byte[] bytes) {
        Path file = write(dir.resolve(name), bytes);
        touch(file);
        return file;
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(Path file, byte[] bytes) {
        touch(appendBytes(file, bytes));
    }

    private static Path appendBytes(Path file, byte[] bytes) {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
