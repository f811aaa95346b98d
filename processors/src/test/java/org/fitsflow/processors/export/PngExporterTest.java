package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngExporterTest {
    @TempDir
    Path dir;

    @Test
    void sixteenBitPngKeepsEveryLevel() throws Exception {
        Image image = TestImages.allSixteenBitLevels(3);
        Path file = dir.resolve("levels.png");
        new PngExporter(new PngParameters(16)).write(image, file, List.of());

        Raster raster = ImageIO.read(file.toFile()).getRaster();
        assertThat(raster.getSampleModel().getSampleSize(0)).isEqualTo(16);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 65536; i++) {
                int x = i % 256;
                int y = i / 256;
                assertThat(raster.getSample(x, 255 - y, c)).isEqualTo((i + c * 1000) % 65536);
            }
        }
    }

    @Test
    void eightBitPngHoldsRoundedLevelsWithRowZeroAtTheBottom() throws Exception {
        Image image = TestImages.allSixteenBitLevels(1);
        Path file = dir.resolve("levels8.png");
        new PngExporter(PngParameters.defaults()).write(image, file, List.of());

        Raster raster = ImageIO.read(file.toFile()).getRaster();
        assertThat(raster.getNumBands()).isEqualTo(1);
        assertThat(raster.getSampleModel().getSampleSize(0)).isEqualTo(8);
        for (int i = 0; i < 65536; i++) {
            int expected = (int) Math.floor(i / 65535.0 * 255 + 0.5);
            assertThat(raster.getSample(i % 256, 255 - i / 256, 0)).isBetween(expected - 1, expected + 1);
            assertThat(raster.getSample(i % 256, 255 - i / 256, 0)).isEqualTo(Quantizer.level8(image.plane(0)[i]));
        }
    }

    @Test
    void acceptsOnlyEightOrSixteenBits() {
        assertThatThrownBy(() -> new PngParameters(12)).hasMessage("bits must be 8 or 16, got 12");
    }
}
