package org.fitsflow.processors.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitsWriterTest {

    @TempDir
    Path dir;

    @Test
    void seestarSubRoundTripsBitExactWithItsHeaderAndHistory() throws IOException {
        Image original = FitsReader.read(SharedData.require(SharedData.SUB_NGC7023));
        Path out = dir.resolve("sub.fits");

        FitsWriter.writeFloat32(original, out, List.of("FitsFlow: normalised to 0..1"));
        Image back = FitsReader.read(out);

        assertThat(back.width()).isEqualTo(1080);
        assertThat(back.height()).isEqualTo(1920);
        assertSamePixels(back.plane(0), original.plane(0));
        HeaderSummary s = back.header().summary();
        assertThat(s.bitpix()).isEqualTo(-32);
        assertThat(s).usingRecursiveComparison().ignoringFields("bitpix").isEqualTo(original.header().summary());
        assertThat(back.header().card("BZERO")).isEmpty();
        assertThat(back.header().stringValue("PROGRAM")).contains("2.76");
        assertThat(back.header().card("HIERARCH ASTAP_ZEMOSAIC_SOLVED")).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("T"));
        List<HeaderCard> cards = back.header().cards();
        assertThat(cards.get(cards.size() - 1)).isEqualTo(new HeaderCard("HISTORY", null, "FitsFlow: normalised to 0..1", false));
    }

    @Test
    void colourFrameKeepsRowOrderAndDropsTheMosaicPattern() throws Exception {
        Image original = FitsReader.read(SharedData.require(SharedData.SYNTHETIC_STACKED));
        assertThat(original.header().card("BAYERPAT")).isPresent();
        Path out = dir.resolve("colour.fits");

        FitsWriter.writeFloat32(original, out, List.of());

        try (Fits fits = new Fits(out.toFile())) {
            ImageHDU hdu = (ImageHDU) fits.getHDU(0);
            Header header = hdu.getHeader();
            assertThat(header.getIntValue("BITPIX")).isEqualTo(-32);
            assertThat(header.getIntValue("NAXIS")).isEqualTo(3);
            assertThat(header.getIntValue("NAXIS1")).isEqualTo(1920);
            assertThat(header.getIntValue("NAXIS2")).isEqualTo(1080);
            assertThat(header.getIntValue("NAXIS3")).isEqualTo(3);
            assertThat(header.containsKey("BAYERPAT")).isFalse();
            assertThat(header.getStringValue("OBJECT")).isEqualTo("NGC 7000");
            assertThat(header.getIntValue("STACKCNT")).isEqualTo(120);
            float[][][] kernel = (float[][][]) hdu.getKernel();
            for (int c = 0; c < 3; c++) {
                for (int[] p : new int[][] {{0, 0}, {1919, 0}, {0, 1079}, {1000, 500}}) {
                    assertThat(kernel[c][p[1]][p[0]]).isEqualTo(original.plane(c)[p[1] * 1920 + p[0]]);
                }
            }
        }
        assertSamePixels(FitsReader.read(out).plane(2), original.plane(2));
    }

    @Test
    void nonFinitePixelsAreWrittenAsNaN() throws IOException {
        Image image = image(3, 1, new float[] {0.5f, Float.NaN, 1f});
        Path out = dir.resolve("nan.fits");

        FitsWriter.writeFloat32(image, out, List.of());

        float[] back = FitsReader.read(out).plane(0);
        assertThat(back[0]).isEqualTo(0.5f);
        assertThat(back[1]).isNaN();
        assertThat(back[2]).isEqualTo(1f);
    }

    @Test
    void unusualCardsSurviveTheRoundTrip() throws IOException {
        String longText = "a value far longer than one card can hold, with a quote ' inside, written with CONTINUE cards "
                + "so that nothing is lost on the way out";
        FitsHeader header = new FitsHeader(List.of(
                new HeaderCard("OBJECT", "Iris ('NGC 7023')", "target", true),
                new HeaderCard("PROGRAM", "2.76", null, true),
                new HeaderCard("EXPTIME", "10.", "seconds", false),
                new HeaderCard("LONGTXT", longText, "long", true),
                new HeaderCard("HIERARCH ESO DET TEMP", "-95.5", "chip", false),
                new HeaderCard("lowercase", "x", null, true),
                new HeaderCard("COMMENT", null, "  indented comment kept as written", false),
                new HeaderCard("DATAMAX", "65535", null, false),
                new HeaderCard("BZERO", "32768", null, false)),
                summary());
        Image image = new Image(2, 1, new float[][] {{0.25f, 0.75f}}, header);
        Path out = dir.resolve("cards.fits");

        FitsWriter.writeFloat32(image, out, List.of("x".repeat(100)));

        FitsHeader back = FitsReader.readHeader(out);
        assertThat(back.stringValue("OBJECT")).contains("Iris ('NGC 7023')");
        assertThat(back.card("PROGRAM")).hasValueSatisfying(c -> assertThat(c.stringValue()).isTrue());
        assertThat(back.doubleValue("EXPTIME")).contains(10.0);
        assertThat(back.doubleValue("HIERARCH ESO DET TEMP")).contains(-95.5);
        assertThat(back.stringValue("HIERARCH lowercase")).contains("x");
        assertThat(back.card("COMMENT")).hasValueSatisfying(c -> assertThat(c.comment()).isEqualTo("  indented comment kept as written"));
        assertThat(back.card("DATAMAX")).isEmpty();
        assertThat(back.card("BZERO")).isEmpty();
        String longBack = back.stringValue("LONGTXT").orElseThrow()
                + back.cards().stream().filter(c -> c.keyword().equals("CONTINUE")).map(HeaderCard::value).reduce("", String::concat);
        assertThat(longBack.replace("&", "")).isEqualTo(longText);
        assertThat(back.cards()).filteredOn(c -> c.keyword().equals("HISTORY")).extracting(HeaderCard::comment)
                .containsExactly("x".repeat(72), "x".repeat(28));
    }

    @Test
    void cardsAreFixedFormat() {
        Image image = new Image(1, 1, new float[][] {{0f}}, new FitsHeader(List.of(
                new HeaderCard("GAIN", "80", "gain", false), new HeaderCard("FILTER", "LP", null, true)), summary()));

        String header = FitsWriter.header(image, List.of());

        assertThat(header.length() % 2880).isZero();
        assertThat(header.substring(0, 80)).isEqualTo(String.format("%-80s", "SIMPLE  =                    T / conforms to FITS standard"));
        assertThat(header).contains(String.format("%-80s", "GAIN    =                   80 / gain"));
        assertThat(header).contains(String.format("%-80s", "FILTER  = 'LP      '"));
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("result.fits");
        Files.writeString(out, "old content");

        FitsWriter.writeFloat32(image(2, 2, new float[] {0f, 0.1f, 0.2f, 0.3f}), out, List.of());

        assertThat(FitsReader.read(out).plane(0)).containsExactly(0f, 0.1f, 0.2f, 0.3f);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void missingFolderFailsWithoutLeavingAnything() {
        Path out = dir.resolve("missing/result.fits");
        assertThatThrownBy(() -> FitsWriter.writeFloat32(image(1, 1, new float[] {0f}), out, List.of()))
                .isInstanceOf(IOException.class);
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    /** Bit-exact comparison that reports the first difference (a full-array diff of megapixels takes forever). */
    private static void assertSamePixels(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        int mismatch = java.util.Arrays.mismatch(actual, expected);
        assertThat(mismatch).as("first differing pixel, %s",
                mismatch < 0 ? "" : actual[mismatch] + " instead of " + expected[mismatch]).isEqualTo(-1);
    }

    private static Image image(int width, int height, float[] pixels) {
        return new Image(width, height, new float[][] {pixels}, new FitsHeader(List.of(), summary()));
    }

    private static HeaderSummary summary() {
        return new HeaderSummary(1, 1, 1, -32, null, null, null, null, null, null, null, null, null, null);
    }
}
