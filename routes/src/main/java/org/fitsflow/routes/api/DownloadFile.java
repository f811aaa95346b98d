package org.fitsflow.routes.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A job output to send: the file, its content type and the file name offered to the client. */
public record DownloadFile(Path path, String contentType, String fileName) {
    /**
     * Inbox outputs keep the telescope's names, which may hold spaces or non-ASCII letters: an ASCII
     * fallback plus the exact name in RFC 5987 form, which browsers and {@code curl -OJ} prefer.
     */
    public String contentDisposition() {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String exact = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
