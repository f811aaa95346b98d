package org.fitsflow.processors.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.image.Image;

/**
 * Writes an image to one file format. Implementations write to a hidden temporary name beside the
 * target and rename it, so that a reader never sees half a file, and never modify the image.
 */
public interface Exporter {
    /** The format name used in pipeline definitions, e.g. {@code jpeg}. */
    String format();

    /** The file name extension without the dot, e.g. {@code jpg}. */
    String extension();

    /**
     * @param history one line per processing step applied, for formats that record it (FITS HISTORY)
     * @return the file written, and the thumbnails written beside it
     */
    ExportedFile write(Image image, Path target, List<String> history) throws IOException;
}
