package org.fitsflow.processors.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageWriteParam;
import org.fitsflow.processors.image.Image;

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
    public ExportedFile write(Image image, Path target, List<String> history) throws IOException {
        BufferedImage raster = parameters.bits() == 16 ? RasterBuilder.sixteenBit(image) : RasterBuilder.eightBit(image);
        ImageIoFile.write(raster, "tiff", target, param -> {
            if (parameters.compression().imageIoType() == null) {
                param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
            } else {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(parameters.compression().imageIoType());
            }
        });
        return ExportedFile.of(target);
    }
}
