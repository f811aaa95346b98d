package org.fitsflow.processors.image;

import java.util.Objects;

/**
 * A planar float32 image: one array per channel, values normalised to [0, 1], row 0 is FITS row 0
 * (the bottom row as Siril and PixInsight show it). Steps may modify the planes in place: a pipeline
 * owns its image, and copying a 300 MB frame per step is what keeps large frames from fitting in memory.
 */
public final class Image {
    private final int width;
    private final int height;
    private final float[][] planes;
    private final FitsHeader header;

    public Image(int width, int height, float[][] planes, FitsHeader header) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + " x " + height);
        }
        if (planes.length != 1 && planes.length != 3) {
            throw new IllegalArgumentException("an image has 1 or 3 channels, got " + planes.length);
        }
        for (float[] plane : planes) {
            if (plane.length != (long) width * height) {
                throw new IllegalArgumentException("plane length " + plane.length + " does not match " + width + " x " + height);
            }
        }
        this.width = width;
        this.height = height;
        this.planes = planes;
        this.header = Objects.requireNonNull(header, "header");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return planes.length;
    }

    public int pixelCount() {
        return width * height;
    }

    /** The live array of channel {@code c}; index {@code y * width + x}. */
    public float[] plane(int c) {
        return planes[c];
    }

    public float[][] planes() {
        return planes;
    }

    public FitsHeader header() {
        return header;
    }

    public boolean isColour() {
        return planes.length == 3;
    }

    public Image withPlanes(int newWidth, int newHeight, float[][] newPlanes) {
        return new Image(newWidth, newHeight, newPlanes, header);
    }

    public Image withHeader(FitsHeader newHeader) {
        return new Image(width, height, planes, newHeader);
    }
}
