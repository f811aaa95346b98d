package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.PixelInterleavedSampleModel;
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

        BufferedImage bottomStrip = RasterBuilder.eightBit(image, 3, 2);

        assertThat(bottomStrip.getHeight()).isEqualTo(2);
        assertThat(bottomStrip.getRGB(0, 0) & 0xFF).isEqualTo(13);
        assertThat(bottomStrip.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
}
