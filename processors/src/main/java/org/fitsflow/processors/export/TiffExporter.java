package org.fitsflow.processors.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.AtomicFile;

/** 8- or 16-bit TIFF, grey or RGB; 16-bit is bit-exact for 16-bit FITS input. */
public final class TiffExporter implements Exporter {
    private final TiffParameters parameters;

    public TiffExporter(TiffParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String format() {
        return "tiff";
    }

    @Override
    public String extension() {
        return "tif";
    }

    @Override
    public void write(Image image, Path target, List<String> history) throws IOException {
        BufferedImage raster = parameters.bits() == 16 ? RasterBuilder.sixteenBit(image) : RasterBuilder.eightBit(image);
        AtomicFile.write(target, file -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (parameters.compression().imageIoType() == null) {
                    param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
                } else {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType(parameters.compression().imageIoType());
                }
                writer.setOutput(out);
                writer.write(null, new IIOImage(raster, null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }
}
