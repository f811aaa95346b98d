package org.fitsflow.routes.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.camel.Header;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.worker.JobFolders;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/process/jobs/{id}/thumbnails/{file}}: a thumbnail of a job's JPEG output. Only names shaped
 * like a thumbnail's and found in the job's own thumbnails folder are served; anything else is the same 404,
 * so a hostile name learns nothing about the folders.
 */
@Component
public class ThumbnailApi {
    private final JobStore jobs;
    private final JobFolders folders;

    public ThumbnailApi(JobStore jobs, JobFolders folders) {
        this.jobs = jobs;
        this.folders = folders;
    }

    /**
     * @param ifNoneMatch the request's {@code If-None-Match}, or null
     * @throws ApiException 404 for an unknown job, a name that is no thumbnail's, or a thumbnail not (or no longer) there
     */
    public ThumbnailFile thumbnail(@Header("id") long id, @Header("file") String file, @Header("If-None-Match") String ifNoneMatch) {
        jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id));
        String name = decoded(file);
        Path path = (ThumbnailView.NAME.matcher(name).matches() ? folders.thumbnail(id, name) : Optional.<Path>empty())
                .orElseThrow(() -> new ApiException(404, "not found", "job " + id + " has no thumbnail '" + printable(name) + "'"));
        String etag = etagOf(path);
        return new ThumbnailFile(path, etag, matches(ifNoneMatch, etag));
    }

    /**
     * The path parameter arrives as sent, percent-encoded (a Seestar name holds spaces); a '+' stays a '+'.
     * Decoded before it is checked, so an encoded slash or dot is judged like a plain one.
     */
    private static String decoded(String file) {
        if (file == null) {
            return "";
        }
        try {
            return URLDecoder.decode(file.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String etagOf(Path path) {
        try {
            return "\"" + Long.toHexString(Files.size(path)) + "-" + Long.toHexString(Files.getLastModifiedTime(path).toMillis()) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code If-None-Match} holds one tag, several separated by commas, or {@code *}; weak tags match too.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = unquoted(etag);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || unquoted(tag).equals(wanted));
    }

    private static String unquoted(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }

    private static String printable(String name) {
        String shown = name.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }
}
