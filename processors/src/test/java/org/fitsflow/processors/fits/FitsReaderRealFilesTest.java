package org.fitsflow.processors.fits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;

class FitsReaderRealFilesTest {

    @Test
    void seestarSubIsARawGrbgMosaicWithItsSummary() throws IOException {
        FitsHeader header = FitsReader.readHeader(SharedData.require(SharedData.SUB_NGC7023));

        HeaderSummary s = header.summary();
        assertThat(s.width()).isEqualTo(1080);
        assertThat(s.height()).isEqualTo(1920);
        assertThat(s.planes()).isEqualTo(1);
        assertThat(s.bitpix()).isEqualTo(16);
        assertThat(s.object()).isEqualTo("NGC 7023");
        assertThat(s.exposureSeconds()).isEqualTo(10.0);
        assertThat(s.filter()).isEqualTo("IRCUT");
        assertThat(s.gain()).isEqualTo(80.0);
        assertThat(s.instrument()).isEqualTo("Seestar S50");
        assertThat(s.bayerPattern()).isEqualTo("GRBG");
        assertThat(s.dateObs()).isEqualTo("2024-07-31T02:44:22.705983");
        assertThat(s.focalLengthMm()).isEqualTo(250.0);
        assertThat(s.pixelSizeMicrons()).isEqualTo(2.90000009536743);
        assertThat(s.stackCount()).isNull();
        assertThat(s.isRawMosaic()).isTrue();
        assertThat(header.card("HIERARCH ASTAP_ZEMOSAIC_SOLVED")).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("T"));
        assertThat(header.card("PROGRAM")).hasValueSatisfying(c -> {
            assertThat(c.value()).isEqualTo("2.76");
            assertThat(c.stringValue()).isTrue();
        });
        assertThat(header.cards()).filteredOn(c -> c.keyword().equals("COMMENT")).hasSize(8);
    }

    @Test
    void seestarSubPixelsAreThePhysicalValueOver65535() throws IOException {
        Path file = SharedData.require(SharedData.SUB_M94);
        Image image = FitsReader.read(file);

        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.width()).isEqualTo(1080);
        assertThat(image.height()).isEqualTo(1920);
        int dataStart = dataStart(file);
        for (int index : new int[] {0, 1, 1079, 1080, 777_777, 1080 * 1920 - 1}) {
            assertThat(image.plane(0)[index]).as("pixel %d", index)
                    .isEqualTo((float) ((rawShort(file, dataStart, index) + 32768) / 65535.0));
        }
    }

    @Test
    void seestarColourFrameHasThreePlanesInFitsOrder() throws IOException {
        Path file = SharedData.require(SharedData.RGB_NGC7023);
        Image image = FitsReader.read(file);

        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.width()).isEqualTo(1080);
        assertThat(image.height()).isEqualTo(1920);
        assertThat(image.header().summary().stackCount()).isEqualTo(1);
        assertThat(image.header().summary().planes()).isEqualTo(3);
        int dataStart = dataStart(file);
        int plane = 1080 * 1920;
        for (int c = 0; c < 3; c++) {
            for (int index : new int[] {0, 54_321, plane - 1}) {
                assertThat(image.plane(c)[index]).as("plane %d pixel %d", c, index)
                        .isEqualTo((float) ((rawShort(file, dataStart, c * plane + index) + 32768) / 65535.0));
            }
        }
    }

    @Test
    void syntheticStackedFrameCarriesStackCountAndLandscapeSize() throws IOException {
        HeaderSummary s = FitsReader.readHeader(SharedData.require(SharedData.SYNTHETIC_STACKED)).summary();

        assertThat(s.width()).isEqualTo(1920);
        assertThat(s.height()).isEqualTo(1080);
        assertThat(s.planes()).isEqualTo(3);
        assertThat(s.stackCount()).isEqualTo(120);
        assertThat(s.object()).isEqualTo("NGC 7000");
        assertThat(s.filter()).isEqualTo("LP");
        assertThat(s.isRawMosaic()).isFalse();
    }

    private static int dataStart(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] card = new byte[80];
            for (int i = 0; ; i++) {
                in.seek(i * 80L);
                in.readFully(card);
                if (new String(card, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("END     ")) {
                    return ((i * 80 + 80 + 2879) / 2880) * 2880;
                }
            }
        }
    }

    private static int rawShort(Path file, int dataStart, int index) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(dataStart + 2L * index);
            return in.readShort();
        }
    }
}
