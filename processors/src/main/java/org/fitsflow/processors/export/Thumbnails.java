package org.fitsflow.processors.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Thumbnails of picture outputs: by default longest side 320 px (gallery cards) and 1080 px (a viewer's
 * first paint), area-averaged, never enlarged, JPEG quality {@link #QUALITY}, in a {@code thumbnails/}
 * folder beside the picture: {@code out/m42.quick_dso.jpg} has {@code out/thumbnails/m42.quick_dso.320.jpg}.
 * A folder of their own keeps the outputs and the outbox (often a phone's synced photo folder) to one file
 * per result, goes with the outputs when their folder is deleted, and lets a file be found from the
 * picture's name alone.
 *
 * <p>The JPEG export makes them from the rows it encodes ({@link JpegParameters#thumbnails()});
 * {@link #fromJpeg} makes them for a picture written earlier.
 */
public final class Thumbnails {
    public static final List<Integer> DEFAULT_SIDES = List.of(320, 1080);
    /** High enough that the sky's faint gradients stay free of blocks at this size, a third of the bytes of quality 95. */
    public static final int QUALITY = 85;
    public static final String FOLDER = "thumbnails";
    public static final int MIN_SIDE = 16;
    public static final int MAX_SIDE = 8192;

    private Thumbnails() {
    }

    /** Where the thumbnail of {@code picture} with this longest side lives: {@code thumbnails/<name>.<side>.jpg} beside it. */
    public static Path fileFor(Path picture, int longestSide) {
        String name = picture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return picture.resolveSibling(FOLDER).resolve(stem + "." + longestSide + ".jpg");
    }

    /**
     * Width and height with the longest side {@code longestSide} and the picture's aspect ratio (the short side
     * rounded, at least 1); the picture's own size when it is no larger.
     */
    public static int[] size(int width, int height, int longestSide) {
        int longest = Math.max(width, height);
        if (longest <= longestSide) {
            return new int[] {width, height};
        }
        int shortSide = (int) Math.max(1, ((long) Math.min(width, height) * longestSide * 2 + longest) / (2L * longest));
        return width >= height ? new int[] {longestSide, shortSide} : new int[] {shortSide, longestSide};
    }

    /**
     * Makes the thumbnails of a picture already written (a JPEG, or any grey or RGB picture ImageIO reads),
     * replacing earlier ones; the picture is left as it is.
     *
     * @throws IOException when the picture cannot be read or is neither grey nor RGB
     */
    public static List<Thumbnail> fromJpeg(Path picture, List<Integer> longestSides) throws IOException {
        BufferedImage image = ImageIO.read(picture.toFile());
        if (image == null) {
            throw new IOException(picture.getFileName() + " is not a picture ImageIO can read");
        }
        int bands = image.getRaster().getNumBands();
        if (bands != 1 && bands != 3) {
            throw new IOException(picture.getFileName() + " has " + bands + " bands; thumbnails are made of grey or RGB pictures");
        }
        ThumbnailSet thumbnails = new ThumbnailSet(image.getWidth(), image.getHeight(), bands, longestSides);
        RowBands.forEach(image.getHeight(), (from, to) -> thumbnails.add(from, image.getSubimage(0, from, image.getWidth(), to - from)));
        return thumbnails.write(picture);
    }

    /** Removes these thumbnails, and their folder when nothing else is left in it. */
    public static void delete(List<Thumbnail> thumbnails) throws IOException {
        for (Thumbnail thumbnail : thumbnails) {
            Files.deleteIfExists(thumbnail.file());
        }
        for (Thumbnail thumbnail : thumbnails) {
            try {
                Files.deleteIfExists(thumbnail.file().getParent());
            } catch (DirectoryNotEmptyException e) {
                // other pictures' thumbnails live there too
            }
        }
    }
}
