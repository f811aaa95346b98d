package org.fitsflow.processors.steps;

import java.util.stream.IntStream;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * {@code scnr} (subtractive chromatic noise reduction): caps green at a neutral level computed from red and
 * blue, G' = (1 - amount) G + amount min(G, neutral), removing the green cast that no deep-sky object has
 * while leaving red, blue and any pixel that is not green-dominant untouched. A mono image passes unchanged.
 */
public final class Scnr implements Step {
    public static final String NAME = "scnr";

    private final ScnrParameters parameters;

    public Scnr(ScnrParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Image apply(Image image, StepContext context) {
        if (!image.isColour()) {
            return image;
        }
        float[] red = image.plane(0);
        float[] green = image.plane(1);
        float[] blue = image.plane(2);
        float amount = (float) parameters.amount();
        boolean average = parameters.method() == ScnrMethod.AVERAGE_NEUTRAL;
        ComputePool.run(() -> IntStream.range(0, green.length).parallel().forEach(i -> {
            float neutral = average ? 0.5f * (red[i] + blue[i]) : Math.max(red[i], blue[i]);
            float g = green[i];
            if (g > neutral) {
                green[i] = (1 - amount) * g + amount * neutral;
            }
        }));
        return image;
    }
}
