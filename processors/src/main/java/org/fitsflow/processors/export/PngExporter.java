package org.fitsflow.processors.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.AtomicFile;

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
    public void write(Image image, Path target, List<String> history) throws IOException {
        BufferedImage raster = parameters.bits() == 16 ? RasterBuilder.sixteenBit(image) : RasterBuilder.eightBit(image);
        AtomicFile.write(target, file -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
            } finally {
                writer.dispose();
            }
        });
    }
}
