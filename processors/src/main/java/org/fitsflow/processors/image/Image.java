package org.fitsflow.processors.image;

import java.util.Objects;
import java.util.Optional;

/**
 * A planar float32 image: one array per channel, values normalised to [0, 1], row 0 is FITS row 0
 * (the bottom row as Siril and PixInsight show it). Steps may modify the planes in place: a pipeline
 * owns its image, and copying a 300 MB frame per step is what keeps large frames from fitting in memory.
 *
 * <p>An image read from 16-bit data starts as {@link CodedPlanes}, and the float planes are made from
 * them when first asked for. Work that can use the codes (statistics, the stretch, 8-bit export) asks
 * {@link #coded()} first, so that a preview of a 16-bit frame never needs the floats at all.
 */
public final class Image {
    private final int width;
    private final int height;
    private final int channels;
    private final FitsHeader header;
    private float[][] planes;
    private CodedPlanes coded;

    public Image(int width, int height, float[][] planes, FitsHeader header) {
        this(width, height, planes.length, header);
        for (float[] plane : planes) {
            requireLength(plane.length);
        }
        this.planes = planes;
    }

    private Image(int width, int height, CodedPlanes coded, FitsHeader header) {
        this(width, height, coded.channels(), header);
        requireLength(coded.codes()[0].length);
        this.coded = coded;
    }

    private Image(int width, int height, int channels, FitsHeader header) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + " x " + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("an image has 1 or 3 channels, got " + channels);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.header = Objects.requireNonNull(header, "header");
    }

    /** An image whose pixels are {@code coded}; the float planes are made when first asked for. */
    public static Image ofCodes(int width, int height, CodedPlanes coded, FitsHeader header) {
        return new Image(width, height, coded, header);
    }

    private void requireLength(int length) {
        if (length != (long) width * height) {
            throw new IllegalArgumentException("plane length " + length + " does not match " + width + " x " + height);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    public int pixelCount() {
        return width * height;
    }

    /** The live array of channel {@code c}; index {@code y * width + x}. */
    public float[] plane(int c) {
        return planes()[c];
    }

    /** The live arrays of all channels; from now on they are the image, and {@link #coded()} is empty. */
    public synchronized float[][] planes() {
        if (planes == null) {
            // each channel's codes are let go as soon as its floats exist, so that a large frame never needs
            // all codes and all floats at once (the heap it saves: bench/README.md, "Figures behind the code")
            short[][] codes = coded.codes().clone();
            float[][] values = coded.values();
            coded = null;
            float[][] expanded = new float[channels][];
            for (int c = 0; c < channels; c++) {
                expanded[c] = CodedPlanes.expand(codes[c], values[c]);
                codes[c] = null;
            }
            planes = expanded;
        }
        return planes;
    }

    /**
     * Channel {@code c} copied into {@code into} (at least {@link #pixelCount()} long), the image left as it is:
     * a coded image stays coded, so that a caller working on many frames one after the other reuses one array
     * instead of the image making one per frame.
     */
    public synchronized float[] copyOfPlane(int c, float[] into) {
        if (into.length < pixelCount()) {
            throw new IllegalArgumentException("a plane of " + pixelCount() + " pixels does not fit " + into.length);
        }
        if (planes != null) {
            System.arraycopy(planes[c], 0, into, 0, pixelCount());
            return into;
        }
        return CodedPlanes.expandInto(coded.codes()[c], coded.values()[c], into);
    }

    /** The pixels as codes, as long as nobody has asked for the float planes (which may have changed since). */
    public synchronized Optional<CodedPlanes> coded() {
        return Optional.ofNullable(coded);
    }

    /** What the pixels take in memory now, at most: 4 bytes a sample as floats; as codes 2, plus a value table per channel. */
    public synchronized long pixelBytes() {
        long samples = (long) pixelCount() * channels;
        if (coded != null) {
            return samples * Short.BYTES + (long) channels * CodedPlanes.CODES * Float.BYTES;
        }
        return samples * Float.BYTES;
    }

    public FitsHeader header() {
        return header;
    }

    public boolean isColour() {
        return channels == 3;
    }

    public Image withPlanes(int newWidth, int newHeight, float[][] newPlanes) {
        return new Image(newWidth, newHeight, newPlanes, header);
    }

    /** The same codes with new values per code: a per-value transform that leaves the pixels coded. */
    public Image withCodeValues(float[][] newValues) {
        CodedPlanes current = coded().orElseThrow(() -> new IllegalStateException("the image is not coded"));
        return new Image(width, height, current.withValues(newValues), header);
    }
}
