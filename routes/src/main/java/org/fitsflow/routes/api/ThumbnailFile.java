package org.fitsflow.routes.api;

import java.nio.file.Path;

/**
 * A thumbnail to send: the file and its entity tag (size and modification time, so that a thumbnail made
 * again gets a new one). {@code notModified} when the client's {@code If-None-Match} already names it.
 */
public record ThumbnailFile(Path path, String etag, boolean notModified) {
    /** Private: behind the access token the pictures are the user's; an hour, then revalidated by the tag. */
    public static final String CACHE_CONTROL = "private, max-age=3600";

    public String contentType() {
        return "image/jpeg";
    }
}
