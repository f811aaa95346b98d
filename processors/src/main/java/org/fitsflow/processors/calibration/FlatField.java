package org.fitsflow.processors.calibration;

import java.util.Arrays;
import org.fitsflow.processors.backend.Backends;
import org.fitsflow.processors.stats.CfaPattern;
import org.fitsflow.processors.stats.CfaStatistics;
import org.fitsflow.processors.stats.OrderStatistics;

/**
 * The master flat as the divisor of a light: each photosite's flat level over the median of its colour's
 * photosites. Normalising each colour apart keeps the light's colour balance whatever the colour of the flat's
 * light source; only vignetting, dust and the photosites' differences in sensitivity are divided out.
 * Photosites whose flat level is under {@link #DEAD} of their colour's (or not finite) are left as they are.
 */
final class FlatField {
    private static final float DEAD = 0.05f;

    private final float[] divisor;

    private FlatField(float[] divisor) {
        this.divisor = divisor;
    }

    static FlatField of(MasterFrame flat, SensorLayout layout) throws CalibrationException {
        float[] pixels = flat.pixels();
        double[] medians = colourMedians(pixels, layout);
        float[] divisor = new float[pixels.length];
        for (int y = 0; y < layout.height(); y++) {
            for (int x = 0; x < layout.width(); x++) {
                int i = y * layout.width() + x;
                double median = medians[layout.pattern() == null ? 0 : layout.pattern().colourAt(y, x)];
                float level = (float) (pixels[i] / median);
                divisor[i] = level >= DEAD && Float.isFinite(level) ? level : 1f;
            }
        }
        return new FlatField(divisor);
    }

    void divide(float[] mosaic) {
        for (int i = 0; i < mosaic.length; i++) {
            mosaic[i] /= divisor[i];
        }
    }

    private static double[] colourMedians(float[] pixels, SensorLayout layout) throws CalibrationException {
        double[] medians;
        if (layout.pattern() == null) {
            medians = new double[] {OrderStatistics.medianAndMad(pixels).median()};
        } else {
            CfaStatistics colours = CfaStatistics.of(pixels, layout.width(), layout.height(), layout.pattern(), Backends.cpu());
            medians = new double[3];
            medians[CfaPattern.RED] = colours.red().median();
            medians[CfaPattern.GREEN] = colours.green().median();
            medians[CfaPattern.BLUE] = colours.blue().median();
        }
        if (Arrays.stream(medians).anyMatch(m -> !(m > 0))) {
            throw new CalibrationException("master flat has a colour whose median level is not above zero: "
                    + Arrays.toString(medians));
        }
        return medians;
    }
}
