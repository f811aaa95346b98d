package org.fitsflow.routes.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fitsflow.routes.uploads.UploadedContent;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file sent as the whole request body, copied to its place as it arrives and stopped at the upload
 * limit (a partial file is removed; the answer is the same 413 as for a multipart upload).
 */
final class RequestBodyContent implements UploadedContent {
    /**
     * Writes of 64 KiB: in 1 MB pieces the kernel's copy into the page cache took most of an upload, in 64 or
     * 256 KiB pieces a fraction of it (measured in {@code bench/README.md}, "Figures behind the code").
     */
    static final int WRITE_BYTES = 64 * 1024;

    private final InputStream body;
    private final long maxBytes;

    RequestBodyContent(InputStream body, long maxBytes) {
        this.body = body;
        this.maxBytes = maxBytes;
    }

    @Override
    public void moveTo(Path target) throws IOException {
        byte[] buffer = new byte[WRITE_BYTES];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = body.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                copied += n;
                if (copied > maxBytes) {
                    throw new MaxUploadSizeExceededException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }
}
