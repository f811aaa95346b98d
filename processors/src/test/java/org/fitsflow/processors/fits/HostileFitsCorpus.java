package org.fitsflow.processors.fits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Broken and hostile files that every entry point taking FITS from users must refuse with a clear reason.
 * Each method writes one file into {@code dir} and returns it. Shared with other modules through the
 * processors test-jar.
 */
public final class HostileFitsCorpus {

    private HostileFitsCorpus() {
    }

    /** A 0-byte file. */
    public static Path empty(Path dir) {
        return write(dir.resolve("empty.fit"), new byte[0]);
    }

    /** A text file renamed to .fit. */
    public static Path text(Path dir) {
        return write(dir.resolve("notes.fit"), "These are my observing notes, not an image.\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A header cut off in its first block. */
    public static Path truncatedHeader(Path dir) {
        return TestFits.image(16, 4, 4).truncatedTo(1000).writeTo(dir.resolve("truncated-header.fit"));
    }

    /** A complete header whose data stops half way. */
    public static Path truncated(Path dir) {
        return TestFits.image(16, 100, 100).truncatedTo(2880 + 10_000).writeTo(dir.resolve("truncated-data.fit"));
    }

    /** Header blocks without an END card. */
    public static Path noEnd(Path dir) {
        return TestFits.image(16, 4, 4).withoutEnd().writeTo(dir.resolve("no-end.fit"));
    }

    /** A 100000 x 100000 float header (40 GB of pixels) in a file of a few kilobytes. */
    public static Path hugeNaxis(Path dir) {
        return TestFits.image(-32, 100_000, 100_000).writeTo(dir.resolve("huge.fit"));
    }

    public static Path bitpix12(Path dir) {
        return TestFits.image(16, 4, 4).replace("BITPIX", 12).writeTo(dir.resolve("bitpix12.fit"));
    }

    public static Path naxis4(Path dir) {
        return TestFits.image(16, 4, 4, 3, 2).writeTo(dir.resolve("naxis4.fit"));
    }

    /** A float image whose every pixel is NaN or infinite. */
    public static Path allNaN(Path dir) {
        return TestFits.image(-32, 2, 2)
                .samples(Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                .writeTo(dir.resolve("all-nan.fit"));
    }

    public static Path simpleFalse(Path dir) {
        return TestFits.image(16, 4, 4).replace("SIMPLE", false).writeTo(dir.resolve("simple-false.fit"));
    }

    /** A primary HDU without data (NAXIS = 0) and no extension. */
    public static Path noImage(Path dir) {
        return TestFits.image(16).writeTo(dir.resolve("no-image.fit"));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
