package org.fitsflow.processors.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.fitsflow.processors.io.AtomicFile;

/** Writes a raster with one of the JDK's ImageIO writers, atomically. */
final class ImageIoFile {

    private ImageIoFile() {
    }

    static void write(BufferedImage raster, String formatName, Path target, Consumer<ImageWriteParam> settings)
            throws IOException {
        AtomicFile.write(target, file -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(formatName).next();
            try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                settings.accept(param);
                writer.setOutput(out);
                writer.write(null, new IIOImage(raster, null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }
}
