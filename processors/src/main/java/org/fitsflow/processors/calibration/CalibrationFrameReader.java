package org.fitsflow.processors.calibration;

import java.io.IOException;
import java.nio.file.Path;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.CfaPattern;

/**
 * Reads calibration frames and checks that they fit the lights: one plane (a raw mosaic or mono, as the lights),
 * the same size and, when both say, the same Bayer pattern. Every refusal names the kind, the file and the reason.
 */
final class CalibrationFrameReader {
    private final SensorLayout lights;

    CalibrationFrameReader(SensorLayout lights) {
        this.lights = lights;
    }

    /** The frame's photosites, in the lights' layout. */
    float[] mosaic(Path file, CalibrationFrameType type) throws CalibrationException {
        Image image;
        try {
            image = FitsReader.read(file);
        } catch (IOException e) {
            throw refusal(file, type, "cannot be read: " + e.getMessage(), e);
        }
        check(file, type, image.header().summary());
        return image.plane(0);
    }

    FrameConditions conditions(Path file, CalibrationFrameType type) throws CalibrationException {
        FitsHeader header;
        try {
            header = FitsReader.readHeader(file);
        } catch (IOException e) {
            throw refusal(file, type, "cannot be read: " + e.getMessage(), e);
        }
        check(file, type, header.summary());
        return FrameConditions.of(header);
    }

    private void check(Path file, CalibrationFrameType type, HeaderSummary summary) throws CalibrationException {
        if (summary.planes() != 1) {
            throw refusal(file, type, "has " + summary.planes() + " planes; calibration frames are raw mosaics or"
                    + " mono frames, as the lights", null);
        }
        if (summary.width() != lights.width() || summary.height() != lights.height()) {
            throw refusal(file, type, summary.width() + " x " + summary.height() + " differs from the lights' "
                    + lights.width() + " x " + lights.height(), null);
        }
        if (summary.bayerPattern() != null && lights.pattern() != null) {
            CfaPattern pattern;
            try {
                pattern = CfaPattern.parse(summary.bayerPattern());
            } catch (IllegalArgumentException e) {
                throw refusal(file, type, e.getMessage(), e);
            }
            if (pattern != lights.pattern()) {
                throw refusal(file, type, "Bayer pattern " + pattern + " differs from the lights' " + lights.pattern(), null);
            }
        }
    }

    private static CalibrationException refusal(Path file, CalibrationFrameType type, String reason, Throwable cause) {
        return new CalibrationException(type.fileType() + " frame " + file.getFileName() + " " + reason, cause);
    }
}
