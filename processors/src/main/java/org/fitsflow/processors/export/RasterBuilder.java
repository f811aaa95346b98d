package org.fitsflow.processors.export;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.fitsflow.processors.image.CodedPlanes;
import org.fitsflow.processors.image.Image;

/**
 * Builds the integer raster that ImageIO writers take, straight from the float planes (or the codes of a
 * coded image): rows flipped so that FITS row 0 ends up at the bottom of the picture, samples filled in
 * parallel row bands.
 */
final class RasterBuilder {

    private RasterBuilder() {
    }

    /** Grey for one channel, RGB for three; 8 bits per sample. */
    static BufferedImage eightBit(Image image) {
        return eightBitRows(image).get(0, image.height());
    }

    /**
     * The 8-bit picture by rows (row 0 is the top, FITS row height - 1), each request an image of its own,
     * so that an encoder working in strips never needs the whole picture at once. A coded image is looked
     * up: the 8-bit level of each of its 65536 code values is worked out once here, not once per pixel.
     */
    static StripedJpegEncoder.Rows eightBitRows(Image image) {
        RowWriter writer = image.coded().map(RasterBuilder::codedRows).orElseGet(() -> floatRows(image));
        return (top, rows) -> eightBit(image, top, rows, writer);
    }

    /**
     * Writes the 8-bit levels of channel {@code c} of the {@code width} pixels from pixel {@code src} to
     * {@code out[at]}, {@code out[at + stride]}, ...: the stride interleaves the channels of a colour row.
     */
    @FunctionalInterface
    private interface RowWriter {
        void write(int c, int src, int width, byte[] out, int at, int stride);
    }

    private static RowWriter floatRows(Image image) {
        float[][] planes = image.planes();
        return (c, src, width, out, at, stride) -> {
            float[] plane = planes[c];
            for (int x = src; x < src + width; x++, at += stride) {
                out[at] = (byte) Quantizer.level8(plane[x]);
            }
        };
    }

    private static RowWriter codedRows(CodedPlanes coded) {
        short[][] codes = coded.codes();
        byte[][] levels = new byte[codes.length][];
        for (int c = 0; c < codes.length; c++) {
            levels[c] = Quantizer.toBytes8(coded.values()[c]);
        }
        return (c, src, width, out, at, stride) -> {
            short[] plane = codes[c];
            byte[] level = levels[c];
            for (int x = src; x < src + width; x++, at += stride) {
                out[at] = level[plane[x] & 0xFFFF];
            }
        };
    }

    private static BufferedImage eightBit(Image image, int top, int rows, RowWriter writer) {
        int width = image.width();
        int channels = image.channels();
        int bottomFitsRow = image.height() - 1 - top;
        BufferedImage out;
        byte[] data;
        if (image.isColour()) {
            // Samples in R, G, B order: the JPEG writer copies each row into its own R, G, B buffer, with an
            // array copy when the orders match and sample by sample otherwise (TYPE_3BYTE_BGR: twice the time).
            data = new byte[width * rows * 3];
            out = rgb(new DataBufferByte(data, data.length), width, rows, 8);
        } else {
            out = new BufferedImage(width, rows, BufferedImage.TYPE_BYTE_GRAY);
            data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        }
        RowBands.forEach(rows, (from, to) -> {
            for (int y = from; y < to; y++) {
                for (int c = 0; c < channels; c++) {
                    writer.write(c, (bottomFitsRow - y) * width, width, data, y * width * channels + c, channels);
                }
            }
        });
        return out;
    }

    /** Grey for one channel, RGB for three; 16 bits per sample. */
    static BufferedImage sixteenBit(Image image) {
        int width = image.width();
        int height = image.height();
        int channels = image.channels();
        BufferedImage out;
        short[] data;
        if (image.isColour()) {
            data = new short[width * height * 3];
            out = rgb(new DataBufferUShort(data, data.length), width, height, 16);
        } else {
            out = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
            data = ((DataBufferUShort) out.getRaster().getDataBuffer()).getData();
        }
        ShortRowWriter writer = image.coded().map(RasterBuilder::codedRows16).orElseGet(() -> floatRows16(image));
        RowBands.forEach(height, (from, to) -> {
            for (int y = from; y < to; y++) {
                for (int c = 0; c < channels; c++) {
                    writer.write(c, y * width, width, data, (height - 1 - y) * width * channels + c, channels);
                }
            }
        });
        return out;
    }

    /** As {@link RowWriter}, for 16-bit levels. */
    @FunctionalInterface
    private interface ShortRowWriter {
        void write(int c, int src, int width, short[] out, int at, int stride);
    }

    private static ShortRowWriter floatRows16(Image image) {
        float[][] planes = image.planes();
        return (c, src, width, out, at, stride) -> {
            float[] plane = planes[c];
            for (int x = src; x < src + width; x++, at += stride) {
                out[at] = (short) Quantizer.level16(plane[x]);
            }
        };
    }

    private static ShortRowWriter codedRows16(CodedPlanes coded) {
        short[][] codes = coded.codes();
        short[][] levels = new short[codes.length][];
        for (int c = 0; c < codes.length; c++) {
            levels[c] = Quantizer.toShorts16(coded.values()[c]);
        }
        return (c, src, width, out, at, stride) -> {
            short[] plane = codes[c];
            short[] level = levels[c];
            for (int x = src; x < src + width; x++, at += stride) {
                out[at] = level[plane[x] & 0xFFFF];
            }
        };
    }

    /** An sRGB image over interleaved R, G, B samples of {@code bits} each. */
    static BufferedImage rgb(DataBuffer samples, int width, int height, int bits) {
        WritableRaster raster = Raster.createInterleavedRaster(samples, width, height, width * 3, 3, new int[] {0, 1, 2}, null);
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {bits, bits, bits}, false, false, Transparency.OPAQUE, samples.getDataType());
        return new BufferedImage(model, raster, false, null);
    }
}
