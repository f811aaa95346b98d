package org.fitsflow.processors.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.fitsflow.processors.analysis.ClippedStatistics;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * {@code background_neutralization}: shifts each colour channel so that all channels' sky backgrounds
 * (sigma-clipped medians, so stars and bright nebula do not count) equal their mean, which removes a colour
 * cast of the sky without changing the brightness of the background. A mono image passes unchanged.
 */
public final class BackgroundNeutralization implements Step {
    public static final String NAME = "background_neutralization";
    private static final int SAMPLE_STRIDE = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Image apply(Image image, StepContext context) {
        if (!image.isColour()) {
            return image;
        }
        double[] backgrounds = new double[3];
        for (int c = 0; c < 3; c++) {
            backgrounds[c] = skyBackground(image.plane(c));
        }
        double target = (backgrounds[0] + backgrounds[1] + backgrounds[2]) / 3;
        List<Double> offsets = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            context.checkCancelled();
            float offset = (float) (target - backgrounds[c]);
            offsets.add((double) offset);
            float[] plane = image.plane(c);
            ComputePool.run(() -> IntStream.range(0, plane.length).parallel().forEach(i -> plane[i] = Math.max(0f, Math.min(1f, plane[i] + offset))));
        }
        context.measure("background_neutralization_offsets", offsets);
        return image;
    }

    /** The sky level of one plane: clipped median of a regular subsample (every 5th pixel is plenty for a median). */
    static double skyBackground(float[] plane) {
        float[] sample = new float[(plane.length + SAMPLE_STRIDE - 1) / SAMPLE_STRIDE];
        int n = 0;
        for (int i = 0; i < plane.length; i += SAMPLE_STRIDE) {
            sample[n++] = plane[i];
        }
        return ClippedStatistics.of(sample, n, 3.0, 5).median();
    }
}
