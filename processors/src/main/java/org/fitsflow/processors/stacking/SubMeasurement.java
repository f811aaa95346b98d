package org.fitsflow.processors.stacking;

import java.nio.file.Path;
import org.fitsflow.processors.analysis.FrameQuality;
import org.fitsflow.processors.analysis.PhotositeCorrections;
import org.fitsflow.processors.analysis.StarField;
import org.fitsflow.processors.image.FitsHeader;

/**
 * What the first read of a sub yields: its header, size and channels once developed, its stars (for the
 * quality figures and the registration), the levels of each channel (for normalisation and weights) and the
 * hot photosites corrected in a raw mosaic (so that the second read repeats the corrections instead of the
 * search); or, for a file that cannot be read, the reason ({@code error}, all else null).
 */
record SubMeasurement(Path file, FitsHeader header, int width, int height, int channels, StarField stars,
                      FrameQuality quality, ChannelLevels[] levels, PhotositeCorrections corrections,
                      String error) {

    static SubMeasurement unreadable(Path file, String error) {
        return new SubMeasurement(file, null, 0, 0, 0, null, null, null, null, error);
    }

    boolean readable() {
        return error == null;
    }

    boolean sameGeometry(SubMeasurement other) {
        return width == other.width && height == other.height && channels == other.channels;
    }
}
