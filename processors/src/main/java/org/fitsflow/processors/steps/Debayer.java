package org.fitsflow.processors.steps;

import java.util.Objects;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;

/**
 * {@code debayer}: turns a raw mosaic (one plane with a Bayer pattern in its header) into R, G and B planes;
 * any other image passes unchanged. Bilinear by default: a single frame's debayer makes a preview, and the
 * bilinear one costs a fraction of RCD's time and runs on the GPU; {@code method: rcd} keeps stars narrower,
 * as stacking raw subs does by default.
 */
public final class Debayer implements Step {
    public static final String NAME = "debayer";

    private final DebayerMethod method;

    public Debayer() {
        this(DebayerMethod.BILINEAR);
    }

    public Debayer(DebayerMethod method) {
        this.method = Objects.requireNonNull(method, "method");
    }

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
        float[][] rgb = context.backend().debayer(image.plane(0), image.width(), image.height(), summary.bayerPattern(),
                method);
        HeaderSummary colour = new HeaderSummary(summary.width(), summary.height(), 3, summary.bitpix(),
                summary.object(), summary.exposureSeconds(), summary.filter(), summary.gain(), summary.instrument(),
                summary.stackCount(), summary.bayerPattern(), summary.dateObs(), summary.focalLengthMm(),
                summary.pixelSizeMicrons());
        return new Image(image.width(), image.height(), rgb, new FitsHeader(image.header().cards(), colour));
    }
}
