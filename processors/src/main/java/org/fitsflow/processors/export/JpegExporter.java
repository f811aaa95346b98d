package org.fitsflow.processors.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.AtomicFile;

/** 8-bit baseline JPEG: grey for mono images, RGB for colour. */
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
        AtomicFile.write(target, file -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                StripedJpegEncoder.encode(image.width(), image.height(), image.channels(),
                        RasterBuilder.eightBitRows(image), parameters.quality(), out);
            }
        });
    }
}
