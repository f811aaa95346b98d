package org.fitsflow.routes.api;

import java.nio.file.Path;

/** A job output to send: the file, its content type and the file name offered to the client. */
public record DownloadFile(Path path, String contentType, String fileName) {
    public String contentDisposition() {
        // the name comes from our own safe output naming, but quote it anyway
        return "attachment; filename=\"" + fileName.replace("\"", "") + "\"";
    }
}
