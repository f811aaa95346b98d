package org.fitsflow.processors.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal must be an InvalidFitsException whose message tells the user precisely what is wrong. */
class FitsReaderRefusalTest {
    /** Wide enough that a height of a few ten thousand rows outgrows a heap of some GB. */
    private static final long HUGE_WIDTH = 30_000;

    @TempDir
    Path dir;

    private void refusedByBoth(Path file, String... messageParts) {
        assertThatThrownBy(() -> FitsReader.readHeader(file)).isInstanceOf(InvalidFitsException.class)
                .message().contains(messageParts);
        assertThatThrownBy(() -> FitsReader.read(file)).isInstanceOf(InvalidFitsException.class)
                .message().contains(messageParts);
    }

    @Test
    void emptyFile() {
        refusedByBoth(HostileFitsCorpus.empty(dir), "empty file");
    }

    @Test
    void textFileRenamedToFit() {
        refusedByBoth(HostileFitsCorpus.text(dir), "not a FITS file", "These are my observing");
    }

    @Test
    void firstCardIsNotSimple() {
        Path file = TestFits.image(16, 4, 4).inExtension().truncatedTo(0).writeTo(dir.resolve("x.fit"));
        String xtension = TestFits.cardImage("XTENSION", "IMAGE") + " ".repeat(2880 - 80);
        write(file, xtension);
        refusedByBoth(file, "not a FITS file: the first card must be SIMPLE, found XTENSION");
    }

    @Test
    void simpleFalse() {
        refusedByBoth(HostileFitsCorpus.simpleFalse(dir), "SIMPLE = F");
    }

    @Test
    void headerShorterThanOneBlock() {
        refusedByBoth(HostileFitsCorpus.truncatedHeader(dir), "truncated header", "1000 bytes");
    }

    @Test
    void headerWithoutEndCard() {
        refusedByBoth(HostileFitsCorpus.noEnd(dir), "no END card", "ends after");
    }

    @Test
    void headerCutOffInsideALaterBlock() {
        TestFits fits = TestFits.image(16, 4, 4);
        for (int i = 0; i < 50; i++) {
            fits.card("KEY" + i, i);
        }
        refusedByBoth(fits.truncatedTo(2880 + 100).writeTo(dir.resolve("cut.fit")), "truncated header", "before the END card");
    }

    @Test
    void endlessHeaderIsCappedByTheCardLimit() {
        TestFits fits = TestFits.image(16, 4, 4).withoutEnd();
        for (int i = 0; i < 200; i++) {
            fits.card("KEY" + i, i);
        }
        Path file = fits.writeTo(dir.resolve("endless.fit"));
        assertThatThrownBy(() -> FitsReader.readHeader(file, new FitsReadLimits(1_000_000, 100)))
                .isInstanceOf(InvalidFitsException.class)
                .hasMessageContaining("no END card within the first 100 cards");
    }

    @Test
    void bitpix12() {
        refusedByBoth(HostileFitsCorpus.bitpix12(dir), "BITPIX = 12 is not a FITS data type");
    }

    @Test
    void fourAxes() {
        refusedByBoth(HostileFitsCorpus.naxis4(dir), "NAXIS = 4");
    }

    @Test
    void oneAxis() {
        refusedByBoth(TestFits.image(16, 10).writeTo(dir.resolve("spectrum.fit")), "NAXIS = 1");
    }

    @Test
    void noDataAndNoExtension() {
        refusedByBoth(HostileFitsCorpus.noImage(dir), "no image", "NAXIS = 0");
    }

    @Test
    void zeroLengthAxis() {
        refusedByBoth(TestFits.image(16, 0, 10).writeTo(dir.resolve("zero.fit")), "NAXIS1 = 0");
    }

    @Test
    void negativeAxis() {
        refusedByBoth(TestFits.image(16, 10, -5).writeTo(dir.resolve("negative.fit")), "NAXIS2 = -5");
    }

    @Test
    void twoPlanes() {
        refusedByBoth(TestFits.image(16, 4, 4, 2).writeTo(dir.resolve("two-planes.fit")), "NAXIS3 = 2");
    }

    @Test
    void missingAxisCard() {
        Path file = TestFits.image(16, 4).replace("NAXIS", 2).writeTo(dir.resolve("missing.fit"));
        refusedByBoth(file, "missing NAXIS2 card");
    }

    @Test
    void nonNumericBitpix() {
        refusedByBoth(TestFits.image(16, 4, 4).replace("BITPIX", "sixteen").writeTo(dir.resolve("word.fit")),
                "BITPIX = 'sixteen' is not an integer");
    }

    @Test
    void truncatedDataIsRefusedBeforeAllocating() {
        refusedByBoth(HostileFitsCorpus.truncated(dir), "data truncated: header declares 20000 bytes of pixel data, the file holds 10000");
    }

    @Test
    void headerClaiming40GigabytesIsRefusedWithoutAllocating() {
        refusedByBoth(HostileFitsCorpus.hugeNaxis(dir), "data truncated: header declares 40000000000 bytes");
    }

    @Test
    void gzipHeaderClaiming40GigabytesHitsThePixelLimit() {
        Path file = TestFits.image(-32, 100_000, 100_000).gzipped().writeTo(dir.resolve("huge.fit.gz"));
        refusedByBoth(file, "image of 100000 x 100000 x 1 pixels (40.0 GB as float) exceeds the limit of 250000000 pixels");
    }

    @Test
    void axesWhoseProductOverflowsALong() {
        Path file = TestFits.image(-64, 2_000_000_000L, 2_000_000_000L, 3).gzipped().writeTo(dir.resolve("overflow.fit.gz"));
        refusedByBoth(file, "too large");
    }

    @Test
    void configuredPixelLimit() {
        Path file = TestFits.image(16, 100, 100).writeTo(dir.resolve("small.fit"));
        assertThatThrownBy(() -> FitsReader.read(file, FitsReadLimits.DEFAULT.withMaxPixels(9_999)))
                .isInstanceOf(InvalidFitsException.class)
                .hasMessageContaining("exceeds the limit of 9999 pixels");
    }

    @Test
    void gzipWithTruncatedDataFailsCleanlyAtTheEnd() throws IOException {
        Path file = TestFits.image(16, 100, 100).truncatedTo(2880 + 5000).gzipped().writeTo(dir.resolve("cut.fit.gz"));
        assertThat(FitsReader.readHeader(file).summary().width()).isEqualTo(100);
        assertThatThrownBy(() -> FitsReader.read(file)).isInstanceOf(InvalidFitsException.class)
                .hasMessage("data truncated: header declares 20000 bytes of pixel data, the gzip stream holds 5000");
    }

    @Test
    void gzipStreamCutOffInTheMiddle() throws IOException {
        Path whole = TestFits.image(-32, 200, 200).samples(ramp(40_000)).gzipped().writeTo(dir.resolve("whole.fit.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.fit.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> FitsReader.read(cut)).isInstanceOf(InvalidFitsException.class)
                .hasMessageStartingWith("data truncated: header declares 160000 bytes of pixel data, the gzip stream holds");
    }

    @Test
    void corruptGzip() throws IOException {
        Path file = dir.resolve("corrupt.fit.gz");
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> FitsReader.read(file)).isInstanceOf(InvalidFitsException.class)
                .hasMessageContaining("gzip");
    }

    @Test
    void allNaNImage() {
        assertThatThrownBy(() -> FitsReader.read(HostileFitsCorpus.allNaN(dir))).isInstanceOf(InvalidFitsException.class)
                .hasMessage("image has no finite pixel: every pixel is NaN, infinite or BLANK");
    }

    @Test
    void allBlankIntegerImage() {
        Path file = TestFits.image(16, 2, 1).card("BLANK", -1).samples(-1, -1).writeTo(dir.resolve("blank.fit"));
        assertThatThrownBy(() -> FitsReader.read(file)).isInstanceOf(InvalidFitsException.class)
                .hasMessageContaining("no finite pixel");
    }

    @Test
    void bscaleZero() {
        refusedByBoth(TestFits.image(16, 2, 2).card("BSCALE", 0).writeTo(dir.resolve("bscale.fit")), "BSCALE = 0.0");
    }

    @Test
    void imageLargerThanTheHeapGivesAMessageNotAnOutOfMemoryError() throws IOException {
        // 8-bit pixels whose float planes need more than the whole heap
        long height = Runtime.getRuntime().maxMemory() / 4 / HUGE_WIDTH + 1000;
        Path file = sparseImage(8, height, "bigger-than-heap.fit");
        FitsReadLimits unlimited = FitsReadLimits.DEFAULT.withMaxPixels(HUGE_WIDTH * height);

        assertThatThrownBy(() -> FitsReader.read(file, unlimited))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageStartingWith("not enough memory to read bigger-than-heap.fit: its 30000 x " + height + " x 1 pixels need")
                .hasMessageContaining("the heap allows");
    }

    @Test
    void sixteenBitImageLargerThanTheHeapCountsItsWords() throws IOException {
        long height = Runtime.getRuntime().maxMemory() / 2 / HUGE_WIDTH + 1000;
        Path file = sparseImage(16, height, "words-bigger-than-heap.fit");
        FitsReadLimits unlimited = FitsReadLimits.DEFAULT.withMaxPixels(HUGE_WIDTH * height);

        assertThatThrownBy(() -> FitsReader.read(file, unlimited))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageStartingWith("not enough memory to read words-bigger-than-heap.fit: its 30000 x " + height + " x 1 pixels need "
                        + (2 * HUGE_WIDTH * height >> 20) + " MB as 16-bit words");
    }

    @Test
    void directory() {
        assertThatThrownBy(() -> FitsReader.read(dir)).isInstanceOf(IOException.class);
    }

    /** A HUGE_WIDTH x height image of whole data length in a sparse file, so that it takes no disk. */
    private Path sparseImage(int bitpix, long height, String name) throws IOException {
        Path file = TestFits.image(bitpix, HUGE_WIDTH, height).writeTo(dir.resolve(name));
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(2880 + bitpix / 8 * HUGE_WIDTH * height);
        }
        return file;
    }

    private static double[] ramp(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(i * 0.37) * 1000;
        }
        return v;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
