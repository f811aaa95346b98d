package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripedJpegEncoderTest {

    /**
     * Sizes with partial MCUs at the right and bottom edges, one strip, several strips, strips one MCU row
     * high (a row too wide for the strip size limit); type 5 is BGR, 10 grey.
     */
    @ParameterizedTest
    @CsvSource({
            "1001, 517, 5", "640, 128, 5", "333, 100, 10", "2000, 1300, 10",
            "1001, 517, 10", "77, 300, 10", "60000, 100, 5"})
    void decodesToExactlyThePixelsOfASinglePassEncoding(int width, int height, int type) throws Exception {
        BufferedImage image = skyLike(width, height, type);

        ByteArrayOutputStream striped = new ByteArrayOutputStream();
        StripedJpegEncoder.encode(width, height, image.getRaster().getNumBands(),
                (top, rows) -> image.getSubimage(0, top, width, rows), 95, striped);

        BufferedImage fromStripes = ImageIO.read(new ByteArrayInputStream(striped.toByteArray()));
        BufferedImage fromSinglePass = ImageIO.read(new ByteArrayInputStream(singlePass(image, 95)));
        assertThat(fromStripes.getWidth()).isEqualTo(width);
        assertThat(fromStripes.getHeight()).isEqualTo(height);
        byte[] expected = ((DataBufferByte) fromSinglePass.getRaster().getDataBuffer()).getData();
        byte[] actual = ((DataBufferByte) fromStripes.getRaster().getDataBuffer()).getData();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void stripsOfALargeColourFrameHoldAtMostAMegabyteInWholeMcuRows() {
        int rows = StripedJpegEncoder.stripRows(6248, 4176, 3);

        assertThat(rows % 16).isZero();
        assertThat(rows * 6248L * 3).isBetween(1L << 19, 1L << 20);
    }

    @Test
    void aStripIsOneMcuRowHighWhenOneRowAloneIsOverTheLimit() {
        assertThat(StripedJpegEncoder.stripRows(60000, 4000, 3)).isEqualTo(16);
    }

    /** Background, noise, gradient and bright spots: busy enough that every block has coefficients. */
    private static BufferedImage skyLike(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(7);
        int bands = image.getRaster().getNumBands();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < bands; b++) {
                    int value = 40 + 60 * x / width + 30 * b + random.nextInt(20) + ((x * 7 + y * 13) % 97 == 0 ? 150 : 0);
                    data[(y * width + x) * bands + b] = (byte) Math.min(255, value);
                }
            }
        }
        return image;
    }

    /** The JDK encoder in one pass at the given quality, as the striped encoder's tables are. */
    static byte[] singlePass(BufferedImage image, int quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        JPEGImageWriteParam param = new JPEGImageWriteParam(null);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
