package org.fitsflow.processors.export;

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
import org.fitsflow.processors.parallel.ComputePool;

/**
 * Encodes one baseline JPEG on all cores. The JDK encoder is single-threaded, so horizontal strips (a
 * whole number of MCU rows each) are encoded in parallel with identical tables, and their entropy-coded
 * data are joined as restart intervals of one scan: a restart resets the DC predictions exactly as the
 * start of a strip does, so the file decodes to the same pixels as a single-pass encoding. Each strip's
 * pixels are asked for when it is encoded, so that the whole 8-bit picture never needs to be in memory.
 */
final class StripedJpegEncoder {
    /** Each strip costs an encoder set-up, so a few strips per core: enough to balance, few enough to be cheap. */
    private static final int STRIPS_PER_CORE = 2;
    /** Strips shorter than this are not worth their set-up. */
    private static final int MIN_STRIP_ROWS = 64;
    /**
     * Pixels of one strip at most: strips this small die within the young generation, where strips of a
     * few MB are often still being encoded at a young collection and are copied to the old generation.
     */
    private static final int MAX_STRIP_BYTES = 1 << 20;
    private static final int MCU_ROWS = 16;
    private static final int MAX_RESTART_INTERVAL = 0xFFFF;

    /** The rows {@code [top, top + count)} of the picture, top row first, as an image of their own. */
    @FunctionalInterface
    interface Rows {
        BufferedImage get(int top, int count);
    }

    private StripedJpegEncoder() {
    }

    /** @param bytesPerPixel 1 for grey, 3 for colour: what one pixel of a strip takes in memory */
    static void encode(int width, int height, int bytesPerPixel, Rows rows, int quality, OutputStream out)
            throws IOException {
        if (height > 0xFFFF || width > 0xFFFF) {
            throw new IOException("JPEG holds at most 65535 x 65535 pixels, the image is " + width + " x " + height);
        }
        int stripRows = stripRows(width, height, bytesPerPixel);
        int strips = (height + stripRows - 1) / stripRows;
        if (strips == 1) {
            out.write(encodeStrip(rows.get(0, height), quality));
            return;
        }
        List<byte[]> encoded;
        try {
            encoded = ComputePool.get(() -> IntStream.range(0, strips).parallel().mapToObj(s -> {
                int top = s * stripRows;
                try {
                    return encodeStrip(rows.get(top, Math.min(stripRows, height - top)), quality);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        join(encoded, height, width, stripRows, out);
    }

    /**
     * A whole number of 16-row MCU rows (the tallest MCU, 4:2:0 chroma), at most {@link #MAX_STRIP_BYTES}
     * of pixels where a strip can be that small, and few enough MCUs that one strip fits the 16-bit
     * restart interval even for the widest JPEG.
     */
    static int stripRows(int width, int height, int bytesPerPixel) {
        int strips = STRIPS_PER_CORE * Runtime.getRuntime().availableProcessors();
        int rows = Math.max(MIN_STRIP_ROWS, (height + strips - 1) / strips);
        int mcuRows = Math.min((rows + MCU_ROWS - 1) / MCU_ROWS, MAX_STRIP_BYTES / (width * bytesPerPixel * MCU_ROWS));
        int mcusPerMcuRow = (width + MCU_ROWS - 1) / MCU_ROWS;
        return Math.max(1, Math.min(mcuRows, MAX_RESTART_INTERVAL / mcusPerMcuRow)) * MCU_ROWS;
    }

    private static byte[] encodeStrip(BufferedImage strip, int quality) throws IOException {
        JPEGImageWriteParam param = new JPEGImageWriteParam(null);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(strip, null, null), param);
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
