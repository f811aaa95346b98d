package org.fitsflow.processors.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.fits.FitsWriter;
import org.fitsflow.processors.image.Image;

/** float32 FITS keeping the original header, with HISTORY lines naming the processing applied. */
public final class FitsExporter implements Exporter {

    @Override
    public String format() {
        return "fits";
    }

    @Override
    public String extension() {
        return "fits";
    }

    /** FitsWriter already writes to a hidden temporary name and renames it. */
    @Override
    public ExportedFile write(Image image, Path target, List<String> history) throws IOException {
        FitsWriter.writeFloat32(image, target, history);
        return ExportedFile.of(target);
    }
}
