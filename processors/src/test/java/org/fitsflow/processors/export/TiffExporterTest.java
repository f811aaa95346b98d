package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiffExporterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TiffCompression.class)
    void everySixteenBitLevelComesBackExactly(TiffCompression compression) throws Exception {
        Image image = TestImages.allSixteenBitLevels(3);
        Path file = dir.resolve("levels.tif");
        new TiffExporter(new TiffParameters(16, compression)).write(image, file, List.of());

        Raster raster = ImageIO.read(file.toFile()).getRaster();
        assertThat(raster.getNumBands()).isEqualTo(3);
        assertThat(raster.getSampleModel().getSampleSize(0)).isEqualTo(16);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    int expected = ((y * 256 + x) + c * 1000) % 65536;
                    int actual = raster.getSample(x, 255 - y, c);
                    if (actual != expected) {
                        throw new AssertionError("channel " + c + " FITS pixel (" + x + ", " + y + "): " + actual + " != " + expected);
                    }
                }
            }
        }
    }

    @Test
    void monoSixteenBitIsOneGreyBand() throws Exception {
        Path file = dir.resolve("mono.tif");
        new TiffExporter(TiffParameters.defaults()).write(TestImages.brightFirstRow(20, 10, 1), file, List.of());

        Raster raster = ImageIO.read(file.toFile()).getRaster();
        assertThat(raster.getNumBands()).isEqualTo(1);
        assertThat(raster.getSample(3, 9, 0)).isEqualTo(65535);
        assertThat(raster.getSample(3, 0, 0)).isEqualTo(Quantizer.level16(0.05f));
    }

    @Test
    void eightBitTiffHoldsRoundedLevels() throws Exception {
        Path file = dir.resolve("eight.tif");
        new TiffExporter(new TiffParameters(8, TiffCompression.NONE)).write(TestImages.brightFirstRow(20, 10, 3), file, List.of());

        Raster raster = ImageIO.read(file.toFile()).getRaster();
        assertThat(raster.getSampleModel().getSampleSize(0)).isEqualTo(8);
        assertThat(raster.getSample(3, 9, 1)).isEqualTo(255);
        assertThat(raster.getSample(3, 0, 1)).isEqualTo(Quantizer.level8(0.05f));
    }

    @Test
    void refusesDeflateBecauseItCorruptsSixteenBitData() {
        assertThatThrownBy(() -> TiffCompression.parse("deflate"))
                .hasMessageContaining("corrupts 16-bit data").hasMessageContaining("none or lzw");
        assertThatThrownBy(() -> TiffCompression.parse("jpeg")).hasMessage("compression must be none or lzw, got 'jpeg'");
    }
}
