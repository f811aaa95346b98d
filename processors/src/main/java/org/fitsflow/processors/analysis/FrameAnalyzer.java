package org.fitsflow.processors.analysis;

import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.image.HeaderSummary;

/**
 * Measures a frame's stars on one plane: for a raw mosaic the green plane of the backend's bilinear debayer
 * after hot photosites are corrected (green has twice the photosites of red or blue, so its interpolated plane
 * is the sharpest and keeps the full pixel scale), for a colour image its green plane, for mono the only plane.
 */
public final class FrameAnalyzer {
    private final StarDetector detector;

    public FrameAnalyzer(StarDetectionParameters parameters) {
        this.detector = new StarDetector(parameters);
    }

    public StarField stars(Image image, ComputeBackend backend) {
        return detector.detect(measurementPlane(image, backend), image.width(), image.height(), backend);
    }

    public FrameQuality analyze(Image image, ComputeBackend backend) {
        double scale = PlateScale.of(image.header().summary()).map(PlateScale::arcsecPerPixel).orElse(Double.NaN);
        return FrameQuality.of(stars(image, backend), scale);
    }

    public static float[] measurementPlane(Image image, ComputeBackend backend) {
        HeaderSummary summary = image.header().summary();
        if (image.channels() == 1 && summary.bayerPattern() != null) {
            float[] mosaic = HotPixelFilter.corrected(image.plane(0), image.width(), image.height());
            return backend.debayer(mosaic, image.width(), image.height(), summary.bayerPattern())[1];
        }
        return image.isColour() ? image.plane(1) : image.plane(0);
    }
}
