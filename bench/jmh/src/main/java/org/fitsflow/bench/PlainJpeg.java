package org.fitsflow.bench;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.FileImageOutputStream;

/** The baseline: the JDK's JPEG writer at quality 0.95, one thread, as any Java program would call it. */
final class PlainJpeg {

    private PlainJpeg() {
    }

    static Path write(BufferedImage image, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        JPEGImageWriteParam param = new JPEGImageWriteParam(null);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        try (FileImageOutputStream out = new FileImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return target;
    }

    /** A copy with interleaved R, G, B bytes: the layout the JPEG exporter hands to the encoder. */
    static BufferedImage asRgb(BufferedImage decoded) {
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        var model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {8, 8, 8},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        var raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3, new int[] {0, 1, 2}, null);
        BufferedImage rgb = new BufferedImage(model, raster, false, null);
        rgb.getGraphics().drawImage(decoded, 0, 0, null);
        return rgb;
    }
}
