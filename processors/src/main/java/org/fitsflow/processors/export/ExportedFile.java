package org.fitsflow.processors.export;

import java.nio.file.Path;
import java.util.List;

/** What one export wrote: its file, and the thumbnails written beside it (only JPEG exports make them). */
public record ExportedFile(Path file, List<Thumbnail> thumbnails) {
    public ExportedFile {
        thumbnails = List.copyOf(thumbnails);
    }

    public static ExportedFile of(Path file) {
        return new ExportedFile(file, List.of());
    }
}
