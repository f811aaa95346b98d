package org.fitsflow.routes.uploads;

import java.io.IOException;
import java.nio.file.Path;

/** The body of an uploaded file, put at its final place: a spooled form part is moved there, a request body copied as it arrives. */
@FunctionalInterface
public interface UploadedContent {
    void moveTo(Path target) throws IOException;
}
