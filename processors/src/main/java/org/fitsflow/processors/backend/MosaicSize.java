package org.fitsflow.processors.backend;

/** The checks every debayer makes before it touches a mosaic, with the messages users see. */
final class MosaicSize {
    private MosaicSize() {
    }

    static void check(float[] mosaic, int width, int height) {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("a Bayer mosaic needs at least 2 x 2 pixels, got " + width + " x " + height);
        }
        if (mosaic.length != (long) width * height) {
            throw new IllegalArgumentException("mosaic length " + mosaic.length + " does not match " + width + " x " + height);
        }
    }
}
