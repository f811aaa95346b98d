package org.fitsflow.processors.steps;

import org.fitsflow.processors.analysis.FrameAnalyzer;
import org.fitsflow.processors.analysis.FrameQuality;
import org.fitsflow.processors.analysis.StarDetectionParameters;
import org.fitsflow.processors.image.Image;

/**
 * {@code star_detection}: measures the frame (star count, median FWHM in pixels and arcseconds, roundness,
 * sky background and noise) into the job's measurements and passes the image on unchanged. Run it before any
 * stretch: the measurements are defined on linear data.
 */
public final class StarDetection implements Step {
    public static final String NAME = "star_detection";

    private final FrameAnalyzer analyzer;

    public StarDetection(StarDetectionParameters parameters) {
        this.analyzer = new FrameAnalyzer(parameters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Image apply(Image image, StepContext context) {
        FrameQuality quality = analyzer.analyze(image, context.backend());
        context.measure("star_count", quality.starCount());
        measureIfFinite(context, "fwhm_px", quality.fwhmPixels());
        measureIfFinite(context, "fwhm_arcsec", quality.fwhmArcsec());
        measureIfFinite(context, "roundness", quality.roundness());
        measureIfFinite(context, "background", quality.background());
        measureIfFinite(context, "noise", quality.noise());
        return image;
    }

    /** Without stars or a plate scale a figure is undefined; it is left out rather than reported as NaN. */
    private static void measureIfFinite(StepContext context, String key, double value) {
        if (Double.isFinite(value)) {
            context.measure(key, value);
        }
    }
}
