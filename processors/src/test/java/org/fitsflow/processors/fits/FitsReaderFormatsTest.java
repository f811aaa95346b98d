package org.fitsflow.processors.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.header.Compression;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.fitsflow.processors.image.CodedPlanes;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each storage form a user may bring, normalised as shared/data/SOURCES.md states. */
class FitsReaderFormatsTest {
    @TempDir
    Path dir;

    private Image read(TestFits fits) throws IOException {
        return FitsReader.read(fits.writeTo(dir.resolve("image.fit")));
    }

    @Test
    void bitpix8IsPhysicalOver255() throws IOException {
        Image image = read(TestFits.image(8, 3, 1).samples(0, 128, 255));
        assertThat(image.plane(0)).containsExactly(0f, (float) (128 / 255.0), 1f);
        assertThat(image.header().summary().bitpix()).isEqualTo(8);
    }

    @Test
    void bitpix16UnsignedThroughBzero() throws IOException {
        Image image = read(TestFits.image(16, 3, 1).card("BZERO", 32768).samples(-32768, 0, 32767));
        assertThat(image.plane(0)).containsExactly(0f, (float) (32768 / 65535.0), 1f);
    }

    @Test
    void bitpix16SignedClipsNegativePhysicalValuesToZero() throws IOException {
        Image image = read(TestFits.image(16, 3, 1).samples(-5, 0, 1000));
        assertThat(image.plane(0)).containsExactly(0f, 0f, (float) (1000 / 65535.0));
    }

    @Test
    void bscaleAndBzeroGiveThePhysicalValue() throws IOException {
        Image image = read(TestFits.image(16, 2, 1).card("BSCALE", 2.0).card("BZERO", 100.0).samples(0, 1000));
        assertThat(image.plane(0)).containsExactly((float) (100 / 65535.0), (float) (2100 / 65535.0));
    }

    @Test
    void blankIntegerPixelsBecomeNaN() throws IOException {
        Image image = read(TestFits.image(16, 3, 1).card("BLANK", -32768).card("BZERO", 32768).samples(-32768, 0, 5));
        assertThat(image.plane(0)[0]).isNaN();
        assertThat(image.plane(0)[1]).isEqualTo((float) (32768 / 65535.0));
    }

    @Test
    void bitpix32UnsignedIsOver4294967295() throws IOException {
        Image image = read(TestFits.image(32, 3, 1).card("BZERO", 2147483648.0).samples(-2147483648.0, 0, 2147483647.0));
        assertThat(image.plane(0)).containsExactly(0f, (float) (2147483648.0 / 4294967295.0), 1f);
    }

    @Test
    void bitpix32HoldingSixteenBitValuesIsOver65535() throws IOException {
        Image image = read(TestFits.image(32, 3, 1).samples(0, 30000, 65535));
        assertThat(image.plane(0)).containsExactly(0f, (float) (30000 / 65535.0), 1f);
    }

    @Test
    void bitpix32BeyondSixteenBitsIsOverTheLargestValue() throws IOException {
        Image image = read(TestFits.image(32, 3, 1).samples(0, 100_000, 400_000));
        assertThat(image.plane(0)).containsExactly(0f, 0.25f, 1f);
    }

    @Test
    void bitpix64IsOverTheLargestValue() throws IOException {
        Image image = read(TestFits.image(64, 3, 1).samples(0, 1_000_000, 4_000_000));
        assertThat(image.plane(0)).containsExactly(0f, 0.25f, 1f);
    }

    @Test
    void floatAlreadyInUnitRangeIsKeptAsIs() throws IOException {
        Image image = read(TestFits.image(-32, 3, 1).samples(0.0, 0.123456789, 0.75));
        assertThat(image.plane(0)).containsExactly(0f, 0.123456789f, 0.75f);
    }

    @Test
    void floatInSixteenBitRangeIsOver65535() throws IOException {
        Image image = read(TestFits.image(-32, 3, 1).samples(0, 1.5, 40000));
        assertThat(image.plane(0)[1]).isCloseTo((float) (1.5 / 65535.0), within(1e-12f));
        assertThat(image.plane(0)[2]).isCloseTo((float) (40000 / 65535.0), within(1e-7f));
    }

    @Test
    void floatBeyondSixteenBitsIsOverTheLargestFiniteValue() throws IOException {
        Image image = read(TestFits.image(-32, 4, 1).samples(0, 250_000, 1_000_000, Double.POSITIVE_INFINITY));
        assertThat(image.plane(0)[1]).isEqualTo(0.25f);
        assertThat(image.plane(0)[2]).isEqualTo(1f);
        assertThat(image.plane(0)[3]).isNaN();
    }

    @Test
    void doubleIsNormalisedLikeFloat() throws IOException {
        Image image = read(TestFits.image(-64, 3, 1).samples(0.25, Double.NaN, 0.5));
        assertThat(image.plane(0)[0]).isEqualTo(0.25f);
        assertThat(image.plane(0)[1]).isNaN();
        assertThat(image.plane(0)[2]).isEqualTo(0.5f);
    }

    @Test
    void nonFinitePixelsStayNaNAndDoNotDecideTheScale() throws IOException {
        Image image = read(TestFits.image(-32, 5, 1)
                .samples(Double.NaN, Double.NEGATIVE_INFINITY, 0.5, Double.POSITIVE_INFINITY, 0.25));
        float[] p = image.plane(0);
        assertThat(p[0]).isNaN();
        assertThat(p[1]).isNaN();
        assertThat(p[3]).isNaN();
        assertThat(p[2]).isEqualTo(0.5f);
        assertThat(p[4]).isEqualTo(0.25f);
    }

    @Test
    void negativeFloatValuesClipToZero() throws IOException {
        Image image = read(TestFits.image(-32, 2, 1).samples(-0.1, 0.5));
        assertThat(image.plane(0)).containsExactly(0f, 0.5f);
    }

    /** The stored words themselves, each with its normalised value: floats are made only when asked for. */
    @Test
    void sixteenBitDataAreReadAsCodes() throws IOException {
        Image image = read(TestFits.image(16, 2, 1, 3).card("BZERO", 32768).card("BLANK", 7)
                .samples(-32768, 7, 0, 1, 32767, -2));

        CodedPlanes coded = image.coded().orElseThrow();

        assertThat(coded.codes()).isDeepEqualTo(new short[][] {{-32768, 7}, {0, 1}, {32767, -2}});
        for (int c = 0; c < 3; c++) {
            assertThat(coded.values()[c][0x8000]).isEqualTo(0f);
            assertThat(coded.values()[c][7]).isNaN();
            assertThat(coded.values()[c][0x7FFF]).isEqualTo(1f);
        }
        assertThat(image.plane(2)).containsExactly(1f, (float) (32766 / 65535.0));
    }

    @Test
    void gzipSixteenBitDataAreReadAsCodesToo() throws IOException {
        Image image = read(TestFits.image(16, 3, 1).card("BZERO", 32768).samples(-32768, 0, 32767).gzipped());

        assertThat(image.coded().orElseThrow().codes()[0]).containsExactly((short) -32768, (short) 0, (short) 32767);
        assertThat(image.plane(0)).containsExactly(0f, (float) (32768 / 65535.0), 1f);
    }

    @Test
    void otherTypesAreReadAsFloats() throws IOException {
        assertThat(read(TestFits.image(8, 2, 1).samples(0, 255)).coded()).isEmpty();
        assertThat(read(TestFits.image(-32, 2, 1).samples(0, 0.5)).coded()).isEmpty();
    }

    @Test
    void colourCubeHasThreePlanesInFitsOrder() throws IOException {
        Image image = read(TestFits.image(16, 2, 2, 3).card("BZERO", 32768)
                .samples(-32768, -32768, -32768, -32768, 0, 0, 0, 0, 32767, 32767, 32767, 32767));
        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.plane(0)).containsOnly(0f);
        assertThat(image.plane(1)).containsOnly((float) (32768 / 65535.0));
        assertThat(image.plane(2)).containsOnly(1f);
        assertThat(image.header().summary().planes()).isEqualTo(3);
    }

    @Test
    void singlePlaneCubeIsMono() throws IOException {
        Image image = read(TestFits.image(8, 2, 2, 1).samples(0, 51, 102, 255));
        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.plane(0)).containsExactly(0f, 0.2f, 0.4f, 1f);
        assertThat(image.header().summary().planes()).isEqualTo(1);
    }

    @Test
    void rowZeroIsTheFirstFitsRow() throws IOException {
        Image image = read(TestFits.image(8, 2, 3).samples(0, 0, 0, 0, 255, 255));
        assertThat(image.plane(0)[2 * 2]).isEqualTo(1f);
        assertThat(image.plane(0)[0]).isEqualTo(0f);
    }

    @Test
    void constantImage() throws IOException {
        Image image = read(TestFits.image(-32, 3, 3).samples(7, 7, 7, 7, 7, 7, 7, 7, 7));
        assertThat(image.plane(0)).containsOnly((float) (7 / 65535.0));
    }

    @Test
    void onePixel() throws IOException {
        Image image = read(TestFits.image(16, 1, 1).card("BZERO", 32768).samples(0));
        assertThat(image.width()).isEqualTo(1);
        assertThat(image.height()).isEqualTo(1);
        assertThat(image.plane(0)).containsExactly((float) (32768 / 65535.0));
    }

    @Test
    void rawMosaicStaysOnePlaneAndCarriesItsPattern() throws IOException {
        Image image = read(TestFits.image(16, 4, 2).card("BAYERPAT", "RGGB"));
        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.header().summary().bayerPattern()).isEqualTo("RGGB");
        assertThat(image.header().summary().isRawMosaic()).isTrue();
    }

    @Test
    void imageInTheFirstExtensionWithThePrimaryHeadersKeywords() throws IOException {
        TestFits fits = TestFits.image(16, 3, 2).card("BZERO", 32768).samples(0, 1, 2, 3, 4, 5).card("EXPTIME", 30.0)
                .inExtension();
        Image image = read(fits);
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        assertThat(image.plane(0)[5]).isEqualTo((float) (32773 / 65535.0));
        assertThat(image.header().summary().exposureSeconds()).isEqualTo(30.0);
        assertThat(image.header().card("XTENSION")).isPresent();
    }

    @Test
    void imageAfterATableExtension() throws IOException {
        // primary without data, an ASCII table extension of 2 x 10 bytes, then the image
        StringBuilder table = new StringBuilder();
        table.append(TestFits.cardImage("XTENSION", "TABLE")).append(TestFits.cardImage("BITPIX", 8))
                .append(TestFits.cardImage("NAXIS", 2)).append(TestFits.cardImage("NAXIS1", 10))
                .append(TestFits.cardImage("NAXIS2", 2)).append(TestFits.cardImage("PCOUNT", 0))
                .append(TestFits.cardImage("GCOUNT", 1)).append(TestFits.cardImage("TFIELDS", 0))
                .append(String.format("%-80s", "END"));
        pad(table);
        table.append("0123456789abcdefghij");
        pad(table);
        byte[] withImage = Files.readAllBytes(TestFits.image(8, 2, 1).samples(10, 20).inExtension().writeTo(dir.resolve("e.fit")));
        byte[] primary = java.util.Arrays.copyOfRange(withImage, 0, 2880);
        byte[] image = java.util.Arrays.copyOfRange(withImage, 2880, withImage.length);
        Path file = dir.resolve("table-then-image.fit");
        Files.write(file, concat(primary, table.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), image));

        Image read = FitsReader.read(file);
        assertThat(read.plane(0)).containsExactly((float) (10 / 255.0), (float) (20 / 255.0));
    }

    @Test
    void gzipIsRecognisedByItsContentNotItsName() throws IOException {
        Path file = TestFits.image(16, 2, 2, 3).card("OBJECT", "M 31").samples(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
                .gzipped().writeTo(dir.resolve("compressed-but-named.fit"));
        Image image = FitsReader.read(file);
        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.plane(2)[3]).isEqualTo((float) (12 / 65535.0));
        assertThat(FitsReader.readHeader(file).summary().object()).isEqualTo("M 31");
    }

    @Test
    void tileCompressedRiceSixteenBitImage() throws Exception {
        int width = 300;
        int height = 200;
        short[][] rows = new short[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rows[y][x] = (short) ((x * 37 + y * 101) % 65536 - 32768);
            }
        }
        Path file = writeTileCompressed(rows, Compression.ZCMPTYPE_RICE_1, "image.fits.fz");

        FitsHeader header = FitsReader.readHeader(file);
        assertThat(header.summary().width()).isEqualTo(width);
        assertThat(header.summary().height()).isEqualTo(height);
        assertThat(header.summary().bitpix()).isEqualTo(16);
        assertThat(header.summary().object()).isEqualTo("NGC 7023");
        assertThat(header.summary().bayerPattern()).isEqualTo("GRBG");
        assertThat(header.card("ZCMPTYPE")).isEmpty();
        assertThat(header.doubleValue("HIERARCH ESO DET TEMP")).contains(-95.5);

        Image image = FitsReader.read(file);
        assertThat(image.channels()).isEqualTo(1);
        for (int[] p : new int[][] {{0, 0}, {299, 0}, {17, 123}, {299, 199}}) {
            assertThat(image.plane(0)[p[1] * width + p[0]]).as("pixel %s", java.util.Arrays.toString(p))
                    .isEqualTo((float) ((rows[p[1]][p[0]] + 32768) / 65535.0));
        }
    }

    @Test
    void tileCompressedGzipFloatColourCube() throws Exception {
        float[][][] cube = new float[3][40][50];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 50; x++) {
                    cube[c][y][x] = (c * 2000 + y * 50 + x) / 6000f;
                }
            }
        }
        Path file = writeTileCompressed(cube, Compression.ZCMPTYPE_GZIP_1, "cube.fits.fz");

        Image image = FitsReader.read(file);

        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.header().summary().bitpix()).isEqualTo(-32);
        assertThat(image.plane(2)[39 * 50 + 49]).isEqualTo(cube[2][39][49]);
        assertThat(image.plane(1)[7 * 50 + 3]).isEqualTo(cube[1][7][3]);
    }

    @Test
    void truncatedTileCompressedFileIsRefusedWithAReason() throws Exception {
        short[][] rows = new short[100][100];
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                rows[y][x] = (short) (x * y);
            }
        }
        Path whole = writeTileCompressed(rows, Compression.ZCMPTYPE_RICE_1, "whole.fits.fz");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.fits.fz"), java.util.Arrays.copyOf(bytes, 2880 * 2 + 3000));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FitsReader.read(cut))
                .isInstanceOf(InvalidFitsException.class)
                .hasMessageStartingWith("data truncated: header declares")
                .hasMessageContaining("bytes of compressed data, the file holds");
    }

    private Path writeTileCompressed(Object kernel, String algorithm, String name) throws Exception {
        Path file = dir.resolve(name);
        try (Fits fits = new Fits()) {
            ImageHDU image = (ImageHDU) Fits.makeHDU(kernel);
            if (kernel instanceof short[][]) {
                image.addValue("BZERO", 32768, "unsigned 16-bit");
            }
            image.addValue("OBJECT", "NGC 7023", "target");
            image.addValue("BAYERPAT", "GRBG", "mosaic");
            image.getHeader().addLine(nom.tam.fits.HeaderCard.create("HIERARCH ESO DET TEMP = -95.5 / chip"));
            // one tile per image row; tile sizes are given NAXIS1 first
            int[] axes = image.getAxes();
            int[] tile = new int[axes.length];
            java.util.Arrays.fill(tile, 1);
            tile[0] = axes[axes.length - 1];
            CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(image, tile);
            compressed.setCompressAlgorithm(algorithm);
            compressed.compress();
            fits.addHDU(compressed);
            fits.write(file.toFile());
        }
        return file;
    }

    @Test
    void imageLargerThanOneReadChunkAcrossPlaneBoundaries() throws IOException {
        int width = 1501;
        int height = 1003;
        int plane = width * height;
        double[] samples = new double[plane * 3];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (i % 65521) / 65521.0;
        }
        samples[plane - 1] = Double.NaN;
        Image image = read(TestFits.image(-32, width, height, 3).samples(samples));
        for (int c = 0; c < 3; c++) {
            for (int i : new int[] {0, 1, plane / 2, plane - 2, plane - 1}) {
                int sample = c * plane + i;
                if (sample == plane - 1) {
                    assertThat(image.plane(c)[i]).isNaN();
                } else {
                    assertThat(image.plane(c)[i]).as("plane %d pixel %d", c, i).isEqualTo((float) samples[sample]);
                }
            }
        }
    }

    @Test
    void tenThousandCardHeaderWithLongStringsAndHierarch() throws IOException {
        TestFits fits = TestFits.image(16, 2, 2).card("BZERO", 32768);
        for (int i = 0; i < 10_000; i++) {
            fits.card("K" + i, i);
        }
        fits.rawCard("LONGSTR = 'The quick brown fox jumps over the lazy dog and keeps on running t&'")
                .rawCard("CONTINUE  'ill the card ends' / continued")
                .rawCard("HIERARCH ESO DET CHIP TEMP = -95.5 / chip temperature")
                .rawCard("QUOTED  = 'it''s here'  / with a quote")
                .rawCard("OBJECT  = 'Iris nebula, NGC 7023, a reflection nebula lit by the star &'")
                .rawCard("CONTINUE  'HD 200775'");
        FitsHeader header = FitsReader.readHeader(fits.writeTo(dir.resolve("many.fit")));
        // SIMPLE, BITPIX, NAXIS, NAXIS1, NAXIS2, BZERO + the generated cards + the six below
        assertThat(header.cards()).hasSize(6 + 10_000 + 6);
        assertThat(header.card("K9999")).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("9999"));
        assertThat(header.card("CONTINUE")).hasValueSatisfying(c -> {
            assertThat(c.value()).isEqualTo("ill the card ends");
            assertThat(c.comment()).isEqualTo("continued");
        });
        assertThat(header.doubleValue("HIERARCH ESO DET CHIP TEMP")).contains(-95.5);
        assertThat(header.stringValue("QUOTED")).contains("it's here");
        assertThat(header.summary().object())
                .isEqualTo("Iris nebula, NGC 7023, a reflection nebula lit by the star HD 200775");
    }

    private static void pad(StringBuilder text) {
        while (text.length() % 2880 != 0) {
            text.append(' ');
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
