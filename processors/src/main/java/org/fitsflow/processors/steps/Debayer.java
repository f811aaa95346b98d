package org.fitsflow.processors.steps;

import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;

/**
 * {@code debayer}: turns a raw mosaic (one plane with a Bayer pattern in its header) into R, G and B
 * planes with the backend's bilinear debayer; any other image passes unchanged.
 */
public final class Debayer implements Step {
    public static final String NAME = "debayer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Image apply(Image image, StepContext context) {
        HeaderSummary summary = image.header().summary();
        if (image.channels() != 1 || summary.bayerPattern() == null) {
            return image;
        }
        context.checkCancelled();
        float[][] rgb = context.backend().debayer(image.plane(0), image.width(), image.height(), summary.bayerPattern());
        HeaderSummary colour = new HeaderSummary(summary.width(), summary.height(), 3, summary.bitpix(),
                summary.object(), summary.exposureSeconds(), summary.filter(), summary.gain(), summary.instrument(),
                summary.stackCount(), summary.bayerPattern(), summary.dateObs(), summary.focalLengthMm(),
                summary.pixelSizeMicrons());
        return new Image(image.width(), image.height(), rgb, new FitsHeader(image.header().cards(), colour));
    }
}
