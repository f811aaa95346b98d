package org.fitsflow.routes.uploads;

import java.io.IOException;
import java.nio.file.Path;

/** The body of an uploaded file, already spooled to disk by the web server; moved to its final place. */
@FunctionalInterface
public interface UploadedContent {
    void moveTo(Path target) throws IOException;
}
