package org.fitsflow.processors.stacking;

import java.nio.file.Path;
import org.fitsflow.processors.analysis.FrameQuality;
import org.fitsflow.processors.analysis.PhotositeCorrections;
import org.fitsflow.processors.analysis.StarField;
import org.fitsflow.processors.analysis.SubQuality;
import org.fitsflow.processors.image.FitsHeader;

/**
 * What the first read of a sub yields: its header, size and channels once developed, its stars (for the
 * quality figures and the registration), the levels of each channel (for normalisation and weights) and the
 * hot photosites corrected in a raw mosaic (so that the second read repeats the corrections instead of the
 * search); or, for a file that cannot be read or calibrated, its row of the quality report saying why
 * ({@code failure}, all else null).
 */
record SubMeasurement(Path file, FitsHeader header, int width, int height, int channels, StarField stars,
                      FrameQuality quality, ChannelLevels[] levels, PhotositeCorrections corrections,
                      SubQuality failure) {

    static SubMeasurement unreadable(Path file, String error) {
        return new SubMeasurement(file, null, 0, 0, 0, null, null, null, null, SubQuality.unreadable(file, error));
    }

    static SubMeasurement uncalibrated(Path file, String error) {
        return new SubMeasurement(file, null, 0, 0, 0, null, null, null, null, SubQuality.uncalibrated(file, error));
    }

    boolean readable() {
        return failure == null;
    }

    boolean sameGeometry(SubMeasurement other) {
        return width == other.width && height == other.height && channels == other.channels;
    }
}
