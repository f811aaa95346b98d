package org.fitsflow.processors.export;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes one baseline JPEG on all cores. The JDK encoder is single-threaded, so horizontal strips (a
 * whole number of MCU rows each) are encoded in parallel with identical tables, and their entropy-coded
 * data are joined as restart intervals of one scan: a restart resets the DC predictions exactly as the
 * start of a strip does, so the file decodes to the same pixels as a single-pass encoding.
 */
final class StripedJpegEncoder {
    /** Each strip costs an encoder set-up, so a few strips per core: enough to balance, few enough to be cheap. */
    private static final int STRIPS_PER_CORE = 2;
    /** Strips shorter than this are not worth their set-up. */
    private static final int MIN_STRIP_ROWS = 64;
    private static final int MCU_ROWS = 16;
    private static final int MAX_RESTART_INTERVAL = 0xFFFF;

    private StripedJpegEncoder() {
    }

    static void encode(BufferedImage image, int quality, OutputStream out) throws IOException {
        if (image.getHeight() > 0xFFFF || image.getWidth() > 0xFFFF) {
            throw new IOException("JPEG holds at most 65535 x 65535 pixels, the image is "
                    + image.getWidth() + " x " + image.getHeight());
        }
        int stripRows = stripRows(image.getWidth(), image.getHeight());
        int strips = (image.getHeight() + stripRows - 1) / stripRows;
        if (strips == 1) {
            out.write(encodeRegion(image, quality, 0, image.getHeight()));
            return;
        }
        List<byte[]> encoded;
        try {
            encoded = IntStream.range(0, strips).parallel().mapToObj(s -> {
                int top = s * stripRows;
                try {
                    return encodeRegion(image, quality, top, Math.min(stripRows, image.getHeight() - top));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        join(encoded, image.getHeight(), image.getWidth(), stripRows, out);
    }

    /**
     * A whole number of 16-row MCU rows (the tallest MCU, 4:2:0 chroma), and few enough MCUs that one strip
     * fits the 16-bit restart interval even for the widest JPEG.
     */
    static int stripRows(int width, int height) {
        int strips = STRIPS_PER_CORE * Runtime.getRuntime().availableProcessors();
        int rows = Math.max(MIN_STRIP_ROWS, (height + strips - 1) / strips);
        int mcuRows = (rows + MCU_ROWS - 1) / MCU_ROWS;
        int mcusPerMcuRow = (width + MCU_ROWS - 1) / MCU_ROWS;
        return Math.max(1, Math.min(mcuRows, MAX_RESTART_INTERVAL / mcusPerMcuRow)) * MCU_ROWS;
    }

    private static byte[] encodeRegion(BufferedImage image, int quality, int top, int rows) throws IOException {
        JPEGImageWriteParam param = new JPEGImageWriteParam(null);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        param.setSourceRegion(new Rectangle(0, top, image.getWidth(), rows));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Headers of the first strip with the full height and a restart interval, then every strip's scan data. */
    private static void join(List<byte[]> strips, int height, int width, int stripRows, OutputStream out) throws IOException {
        byte[] first = strips.get(0);
        JpegSegments layout = JpegSegments.parse(first);
        byte[] headers = Arrays.copyOf(first, layout.scanHeaderStart());
        headers[layout.frameHeightOffset()] = (byte) (height >> 8);
        headers[layout.frameHeightOffset() + 1] = (byte) height;
        out.write(headers);
        int mcuWidth = 8 * layout.maxHorizontalSampling();
        int mcuHeight = 8 * layout.maxVerticalSampling();
        int restartInterval = ((width + mcuWidth - 1) / mcuWidth) * (stripRows / mcuHeight);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (restartInterval >> 8), (byte) restartInterval});
        out.write(first, layout.scanHeaderStart(), layout.scanDataStart() - layout.scanHeaderStart());
        for (int s = 0; s < strips.size(); s++) {
            byte[] strip = strips.get(s);
            JpegSegments segments = s == 0 ? layout : JpegSegments.parse(strip);
            out.write(strip, segments.scanDataStart(), segments.scanDataEnd() - segments.scanDataStart());
            if (s < strips.size() - 1) {
                out.write(0xFF);
                out.write(0xD0 + (s % 8));
            }
        }
        out.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
    }
}
