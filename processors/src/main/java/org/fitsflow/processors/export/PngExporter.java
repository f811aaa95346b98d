package org.fitsflow.processors.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.image.Image;

/** 8- or 16-bit PNG, grey or RGB. */
public final class PngExporter implements Exporter {
    private final PngParameters parameters;

    public PngExporter(PngParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String format() {
        return "png";
    }

    @Override
    public String extension() {
        return "png";
    }

    @Override
    public ExportedFile write(Image image, Path target, List<String> history) throws IOException {
        BufferedImage raster = parameters.bits() == 16 ? RasterBuilder.sixteenBit(image) : RasterBuilder.eightBit(image);
        ImageIoFile.write(raster, "png", target, param -> { });
        return ExportedFile.of(target);
    }
}
