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
     * Writes the 8-bit samples of the {@code width} pixels from pixel {@code src} of the image to
     * {@code out[at..]}: one per pixel for grey, R, G, B for colour.
     */
    @FunctionalInterface
    private interface RowWriter {
        void write(int src, int width, byte[] out, int at);
    }

    private static RowWriter floatRows(Image image) {
        if (!image.isColour()) {
            float[] grey = image.plane(0);
            return (src, width, out, at) -> {
                for (int x = 0; x < width; x++) {
                    out[at + x] = (byte) Quantizer.level8(grey[src + x]);
                }
            };
        }
        float[] r = image.plane(0);
        float[] g = image.plane(1);
        float[] b = image.plane(2);
        return (src, width, out, at) -> {
            for (int x = 0; x < width; x++, at += 3) {
                out[at] = (byte) Quantizer.level8(r[src + x]);
                out[at + 1] = (byte) Quantizer.level8(g[src + x]);
                out[at + 2] = (byte) Quantizer.level8(b[src + x]);
            }
        };
    }

    private static RowWriter codedRows(CodedPlanes coded) {
        short[][] codes = coded.codes();
        byte[][] levels = new byte[codes.length][];
        for (int c = 0; c < codes.length; c++) {
            levels[c] = Quantizer.toBytes8(coded.values()[c]);
        }
        if (codes.length == 1) {
            short[] grey = codes[0];
            byte[] greyLevels = levels[0];
            return (src, width, out, at) -> {
                for (int x = 0; x < width; x++) {
                    out[at + x] = greyLevels[grey[src + x] & 0xFFFF];
                }
            };
        }
        short[] r = codes[0];
        short[] g = codes[1];
        short[] b = codes[2];
        byte[] rLevels = levels[0];
        byte[] gLevels = levels[1];
        byte[] bLevels = levels[2];
        return (src, width, out, at) -> {
            for (int x = 0; x < width; x++, at += 3) {
                out[at] = rLevels[r[src + x] & 0xFFFF];
                out[at + 1] = gLevels[g[src + x] & 0xFFFF];
                out[at + 2] = bLevels[b[src + x] & 0xFFFF];
            }
        };
    }

    private static BufferedImage eightBit(Image image, int top, int rows, RowWriter writer) {
        int width = image.width();
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
        int rowBytes = width * image.channels();
        RowBands.forEach(rows, (from, to) -> {
            for (int y = from; y < to; y++) {
                writer.write((bottomFitsRow - y) * width, width, data, y * rowBytes);
            }
        });
        return out;
    }

    /** Grey for one channel, RGB for three; 16 bits per sample. */
    static BufferedImage sixteenBit(Image image) {
        int width = image.width();
        int height = image.height();
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
        int rowSamples = width * image.channels();
        RowBands.forEach(height, (from, to) -> {
            for (int y = from; y < to; y++) {
                writer.write(y * width, width, data, (height - 1 - y) * rowSamples);
            }
        });
        return out;
    }

    /** As {@link RowWriter}, for 16-bit samples. */
    @FunctionalInterface
    private interface ShortRowWriter {
        void write(int src, int width, short[] out, int at);
    }

    private static ShortRowWriter floatRows16(Image image) {
        if (!image.isColour()) {
            float[] grey = image.plane(0);
            return (src, width, out, at) -> {
                for (int x = 0; x < width; x++) {
                    out[at + x] = (short) Quantizer.level16(grey[src + x]);
                }
            };
        }
        float[] r = image.plane(0);
        float[] g = image.plane(1);
        float[] b = image.plane(2);
        return (src, width, out, at) -> {
            for (int x = 0; x < width; x++, at += 3) {
                out[at] = (short) Quantizer.level16(r[src + x]);
                out[at + 1] = (short) Quantizer.level16(g[src + x]);
                out[at + 2] = (short) Quantizer.level16(b[src + x]);
            }
        };
    }

    private static ShortRowWriter codedRows16(CodedPlanes coded) {
        short[][] codes = coded.codes();
        short[][] levels = new short[codes.length][];
        for (int c = 0; c < codes.length; c++) {
            levels[c] = Quantizer.toShorts16(coded.values()[c]);
        }
        if (codes.length == 1) {
            short[] grey = codes[0];
            short[] greyLevels = levels[0];
            return (src, width, out, at) -> {
                for (int x = 0; x < width; x++) {
                    out[at + x] = greyLevels[grey[src + x] & 0xFFFF];
                }
            };
        }
        short[] r = codes[0];
        short[] g = codes[1];
        short[] b = codes[2];
        short[] rLevels = levels[0];
        short[] gLevels = levels[1];
        short[] bLevels = levels[2];
        return (src, width, out, at) -> {
            for (int x = 0; x < width; x++, at += 3) {
                out[at] = rLevels[r[src + x] & 0xFFFF];
                out[at + 1] = gLevels[g[src + x] & 0xFFFF];
                out[at + 2] = bLevels[b[src + x] & 0xFFFF];
            }
        };
    }

    /** An sRGB image over interleaved R, G, B samples of {@code bits} each. */
    private static BufferedImage rgb(DataBuffer samples, int width, int height, int bits) {
        WritableRaster raster = Raster.createInterleavedRaster(samples, width, height, width * 3, 3, new int[] {0, 1, 2}, null);
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {bits, bits, bits}, false, false, Transparency.OPAQUE, samples.getDataType());
        return new BufferedImage(model, raster, false, null);
    }
}
