package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import org.fitsflow.processors.image.CodedImages;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;

class RasterBuilderTest {

    /** The JPEG writer copies a row whole only from R, G, B order; from B, G, R it goes sample by sample. */
    @Test
    void colourSamplesAreInterleavedInRedGreenBlueOrder() {
        Image image = new Image(2, 1, new float[][] {{1f, 0f}, {0.5f, 0f}, {0f, 1f}}, TestImages.header(2, 1, 3));

        BufferedImage picture = RasterBuilder.eightBit(image);

        assertThat(picture.getSampleModel()).isInstanceOf(PixelInterleavedSampleModel.class);
        assertThat(((PixelInterleavedSampleModel) picture.getSampleModel()).getBandOffsets()).containsExactly(0, 1, 2);
        assertThat(picture.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF8000);
        assertThat(picture.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    @Test
    void stripsAreCutFromTheTopOfThePicture() {
        Image image = TestImages.brightFirstRow(4, 5, 3);

        BufferedImage bottomStrip = RasterBuilder.eightBitRows(image).get(3, 2);

        assertThat(bottomStrip.getHeight()).isEqualTo(2);
        assertThat(bottomStrip.getRGB(0, 0) & 0xFF).isEqualTo(13);
        assertThat(bottomStrip.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    /** A coded image is looked up per code: the same picture as from its floats, for grey and colour. */
    @Test
    void aCodedImageGivesThePictureOfItsFloats() {
        for (int channels : new int[] {1, 3}) {
            Image coded = CodedImages.sky(37, 23, channels, channels, true);
            Image floats = CodedImages.asFloats(coded);

            BufferedImage fromCodes = RasterBuilder.eightBitRows(coded).get(5, 11);
            BufferedImage fromFloats = RasterBuilder.eightBitRows(floats).get(5, 11);

            assertThat(coded.coded()).isPresent();
            assertThat(((DataBufferByte) fromCodes.getRaster().getDataBuffer()).getData())
                    .isEqualTo(((DataBufferByte) fromFloats.getRaster().getDataBuffer()).getData());
        }
    }

    @Test
    void aCodedImageGivesTheSixteenBitPictureOfItsFloats() {
        for (int channels : new int[] {1, 3}) {
            Image coded = CodedImages.sky(37, 23, channels, 10 + channels, true);
            Image floats = CodedImages.asFloats(coded);

            BufferedImage fromCodes = RasterBuilder.sixteenBit(coded);
            BufferedImage fromFloats = RasterBuilder.sixteenBit(floats);

            assertThat(coded.coded()).isPresent();
            assertThat(((DataBufferUShort) fromCodes.getRaster().getDataBuffer()).getData())
                    .isEqualTo(((DataBufferUShort) fromFloats.getRaster().getDataBuffer()).getData());
        }
    }
}
