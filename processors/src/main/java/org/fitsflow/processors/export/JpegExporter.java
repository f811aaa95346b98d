package org.fitsflow.processors.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.fitsflow.processors.image.Image;

/** 8-bit JPEG: grey for mono images, RGB for colour. */
public final class JpegExporter implements Exporter {
    private final JpegParameters parameters;

    public JpegExporter(JpegParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String format() {
        return "jpeg";
    }

    @Override
    public String extension() {
        return "jpg";
    }

    @Override
    public void write(Image image, Path target, List<String> history) throws IOException {
        var raster = RasterBuilder.eightBit(image);
        JPEGImageWriteParam param = new JPEGImageWriteParam(null);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(parameters.quality() / 100f);
        AtomicFile.write(target, file -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(raster, null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }
}
