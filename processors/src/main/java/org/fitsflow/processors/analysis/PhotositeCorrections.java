package org.fitsflow.processors.analysis;

/**
 * The photosites the {@link HotPixelFilter} replaced in one mosaic and the values it gave them: a few dozen
 * numbers that correct the same mosaic again, read a second time, without judging every photosite again.
 */
public record PhotositeCorrections(int[] indices, float[] values) {
    public static final PhotositeCorrections NONE = new PhotositeCorrections(new int[0], new float[0]);

    public int count() {
        return indices.length;
    }

    /** Writes the corrected values into {@code mosaic}, the same mosaic as judged. */
    public void applyTo(float[] mosaic) {
        for (int k = 0; k < indices.length; k++) {
            mosaic[indices[k]] = values[k];
        }
    }
}
