package org.fitsflow.processors.steps;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.pipeline.SpecParameters;

/**
 * Parameters of {@code background_extraction}.
 *
 * @param gridSize        sample boxes along each axis (grid_size x grid_size boxes)
 * @param degree          degree of the 2-D polynomial surface, 1 (plane) to 3
 * @param correction      subtract the model (keeping the median sky level) or divide by it (keeping the level)
 * @param rejectionSigma  sample boxes whose level is further than this many robust sigmas from the surface
 *                        (stars, nebula) are left out of the fit
 */
public record BackgroundExtractionParameters(int gridSize, int degree, BackgroundCorrection correction,
                                             double rejectionSigma) {

    public static final BackgroundExtractionParameters DEFAULTS =
            new BackgroundExtractionParameters(16, 2, BackgroundCorrection.SUBTRACT, 2.5);

    public BackgroundExtractionParameters {
        if (gridSize < 3 || gridSize > 64) {
            throw new IllegalArgumentException("grid_size must be 3..64 boxes per axis, got " + gridSize);
        }
        if (degree < 1 || degree > 3) {
            throw new IllegalArgumentException("degree must be 1, 2 or 3, got " + degree);
        }
        if (correction == null) {
            throw new IllegalArgumentException("correction is required");
        }
        if (!(rejectionSigma >= 1)) {
            throw new IllegalArgumentException("rejection_sigma must be at least 1, got " + rejectionSigma);
        }
        if ((degree + 1) * (degree + 2) / 2 > gridSize * gridSize / 2) {
            throw new IllegalArgumentException("grid_size " + gridSize + " has too few samples for degree " + degree);
        }
    }

    public static BackgroundExtractionParameters fromMap(Map<String, Object> params) {
        SpecParameters p = new SpecParameters(params);
        List<String> corrections = Arrays.stream(BackgroundCorrection.values()).map(BackgroundCorrection::key).toList();
        BackgroundExtractionParameters parsed = new BackgroundExtractionParameters(
                p.integer("grid_size", DEFAULTS.gridSize()),
                p.integer("degree", DEFAULTS.degree()),
                BackgroundCorrection.valueOf(p.choice("correction", DEFAULTS.correction().key(), corrections).toUpperCase()),
                p.number("rejection_sigma", DEFAULTS.rejectionSigma()));
        p.rejectUnknown(BackgroundExtraction.NAME);
        return parsed;
    }
}
