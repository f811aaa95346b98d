package org.fitsflow.processors.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.AtomicFile;

/**
 * 8-bit baseline JPEG: grey for mono images, RGB for colour; with its thumbnails, made from the same rows
 * as they are encoded, so the picture is never decoded again for them.
 */
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
    public ExportedFile write(Image image, Path target, List<String> history) throws IOException {
        ThumbnailSet thumbnails = new ThumbnailSet(image.width(), image.height(), image.channels(), parameters.thumbnails());
        AtomicFile.write(target, file -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                StripedJpegEncoder.encode(image.width(), image.height(), image.channels(),
                        thumbnails.feeding(RasterBuilder.eightBitRows(image)), parameters.quality(), out);
            }
        });
        try {
            return new ExportedFile(target, thumbnails.write(target));
        } catch (IOException | RuntimeException e) {
            // a picture without the thumbnails it was asked for is not a finished export
            Files.deleteIfExists(target);
            throw e;
        }
    }
}
