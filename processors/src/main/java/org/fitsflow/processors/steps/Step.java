package org.fitsflow.processors.steps;

import org.fitsflow.processors.image.Image;

/** One processing step: a function of an image and the step's own immutable parameters. */
public interface Step {
    /** The name users see in progress reports, e.g. {@code histogram_stretch}. */
    String name();

    /** Returns the processed image, which may be the input instance modified in place. */
    Image apply(Image image, StepContext context);
}
