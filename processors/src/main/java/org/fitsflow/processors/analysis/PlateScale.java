package org.fitsflow.processors.analysis;

import java.util.Optional;
import org.fitsflow.processors.image.HeaderSummary;

/** Arcseconds per pixel from the focal length (FOCALLEN, mm) and the pixel size (XPIXSZ, micrometres). */
public record PlateScale(double arcsecPerPixel) {
    /** 206265 arcseconds per radian, with micrometres over millimetres giving the factor 1e-3. */
    private static final double ARCSEC_PER_MICRON_OVER_MM = 206.265;

    public static Optional<PlateScale> of(HeaderSummary summary) {
        Double focal = summary.focalLengthMm();
        Double pixel = summary.pixelSizeMicrons();
        if (focal == null || pixel == null || !(focal > 0) || !(pixel > 0)) {
            return Optional.empty();
        }
        return Optional.of(new PlateScale(ARCSEC_PER_MICRON_OVER_MM * pixel / focal));
    }
}
