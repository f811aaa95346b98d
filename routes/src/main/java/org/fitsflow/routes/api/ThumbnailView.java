package org.fitsflow.routes.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thumbnail of a job's JPEG output, as the job view lists it: its file name ({@code <picture stem>.<side>.jpg}),
 * the output it shows, its longest side and where to get it.
 */
public record ThumbnailView(String name, String picture, int side, String url) {
    /** A plain file name (no folder, no leading dot), the picture's stem, then the longest side in pixels. */
    static final Pattern NAME = Pattern.compile("([^/\\\\\\x00-\\x1f.][^/\\\\\\x00-\\x1f]{0,250})\\.(\\d{2,4})\\.jpg");

    /** The view of a thumbnail file name; empty when the name is no thumbnail of one of these JPEG outputs. */
    static Optional<ThumbnailView> of(long jobId, String name, List<String> outputs) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        String stem = m.group(1);
        return outputs.stream()
                .filter(output -> output.equalsIgnoreCase(stem + ".jpg") || output.equalsIgnoreCase(stem + ".jpeg"))
                .findFirst()
                .map(picture -> new ThumbnailView(name, picture, Integer.parseInt(m.group(2)), url(jobId, name)));
    }

    static String url(long jobId, String name) {
        return "/api/process/jobs/" + jobId + "/thumbnails/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
