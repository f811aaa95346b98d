package org.fitsflow.processors.export;

import java.nio.file.Path;

/**
 * A downscaled copy of a picture output, written beside it for galleries and viewers.
 *
 * @param file        where it was written ({@link Thumbnails#fileFor})
 * @param longestSide the size asked for (320, 1080), which names the file; the picture's own longest side
 *                    when it is smaller, since thumbnails are never enlarged
 * @param width       its width in pixels
 * @param height      its height in pixels
 */
public record Thumbnail(Path file, int longestSide, int width, int height) {
}
