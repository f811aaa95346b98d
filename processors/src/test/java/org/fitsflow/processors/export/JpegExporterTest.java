package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JpegExporterTest {
    @TempDir
    Path dir;

    @Test
    void colourJpegHasTheImageSizeWithFitsRowZeroAtTheBottom() throws Exception {
        Path file = dir.resolve("frame.jpg");
        new JpegExporter(JpegParameters.defaults()).write(TestImages.brightFirstRow(64, 48, 3), file, List.of());

        BufferedImage decoded = ImageIO.read(file.toFile());
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(48);
        Raster raster = decoded.getRaster();
        assertThat(raster.getNumBands()).isEqualTo(3);
        assertThat(raster.getSample(10, 47, 0)).isGreaterThan(230);
        assertThat(raster.getSample(10, 0, 0)).isLessThan(30);
        assertThat(raster.getSample(10, 24, 1)).isLessThan(30);
    }

    /** Tall enough for several strips, each built from its own rows of the planes. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void decodesToThePixelsOfTheWholeRasterEncodedInOnePass(int channels) throws Exception {
        int width = 301;
        int height = 700;
        float[][] planes = new float[channels][width * height];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (float[] plane : planes) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) (0.3 * i / plane.length + 0.2 * random.nextDouble());
            }
        }
        Image image = new Image(width, height, planes, TestImages.header(width, height, channels));
        Path file = dir.resolve("strips.jpg");
        new JpegExporter(JpegParameters.defaults()).write(image, file, List.of());

        BufferedImage expected = ImageIO.read(new ByteArrayInputStream(
                StripedJpegEncoderTest.singlePass(RasterBuilder.eightBit(image), JpegParameters.defaults().quality())));
        BufferedImage actual = ImageIO.read(file.toFile());
        assertThat(((DataBufferByte) actual.getRaster().getDataBuffer()).getData())
                .isEqualTo(((DataBufferByte) expected.getRaster().getDataBuffer()).getData());
    }

    @Test
    void monoImageBecomesAGreyJpeg() throws Exception {
        Path file = dir.resolve("mono.jpg");
        new JpegExporter(JpegParameters.defaults()).write(TestImages.brightFirstRow(40, 30, 1), file, List.of());

        BufferedImage decoded = ImageIO.read(file.toFile());
        assertThat(decoded.getRaster().getNumBands()).isEqualTo(1);
        assertThat(decoded.getRaster().getSample(5, 29, 0)).isGreaterThan(230);
        assertThat(decoded.getRaster().getSample(5, 0, 0)).isLessThan(30);
    }

    @Test
    void channelsKeepTheirColour() throws Exception {
        int w = 32;
        int h = 32;
        float[][] planes = new float[3][w * h];
        java.util.Arrays.fill(planes[0], 0.9f);
        java.util.Arrays.fill(planes[2], 0.2f);
        Image image = new Image(w, h, planes, TestImages.header(w, h, 3));
        Path file = dir.resolve("red.jpg");
        new JpegExporter(JpegParameters.defaults()).write(image, file, List.of());

        int rgb = ImageIO.read(file.toFile()).getRGB(16, 16);
        assertThat((rgb >> 16) & 0xFF).isBetween(220, 235);
        assertThat((rgb >> 8) & 0xFF).isLessThan(10);
        assertThat(rgb & 0xFF).isBetween(45, 57);
    }

    @Test
    void lowerQualityGivesASmallerFile() throws Exception {
        float[][] planes = new float[1][256 * 256];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < planes[0].length; i++) {
            planes[0][i] = random.nextFloat();
        }
        Image noise = new Image(256, 256, planes, TestImages.header(256, 256, 1));
        Path high = dir.resolve("high.jpg");
        Path low = dir.resolve("low.jpg");
        new JpegExporter(new JpegParameters(95)).write(noise, high, List.of());
        new JpegExporter(new JpegParameters(20)).write(noise, low, List.of());

        assertThat(Files.size(low)).isLessThan(Files.size(high) / 2);
    }

    @Test
    void leavesOnlyTheFinishedFileAndItsThumbnailsInTheFolder() throws Exception {
        new JpegExporter(JpegParameters.defaults()).write(TestImages.brightFirstRow(8, 8, 3), dir.resolve("a.jpg"), List.of());

        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.jpg", "thumbnails");
        }
        try (var listing = Files.list(dir.resolve("thumbnails"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.320.jpg", "a.1080.jpg");
        }
    }

    @Test
    void rejectsQualityOutsideOneToHundred() {
        assertThatThrownBy(() -> new JpegParameters(150)).hasMessage("quality must be 1..100, got 150");
        assertThatThrownBy(() -> new JpegParameters(0)).hasMessage("quality must be 1..100, got 0");
    }
}
