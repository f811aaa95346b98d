package org.fitsflow.processors.calibration;

import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.stats.SameColourRing;

/**
 * The hot and cold photosites of a sensor, found on a master dark as Siril's {@code -cc=dark} does, but each
 * judged against its own same-colour ring rather than the whole frame, so that amp glow, smooth however strong,
 * is not taken for a field of hot photosites. After calibration each defective photosite takes the median of its
 * ring: subtracting the dark removes a hot photosite's mean level, not the noise of its large dark current.
 */
final class DefectMap {
    private final int[] hot;
    private final int[] cold;

    private DefectMap(int[] hot, int[] cold) {
        this.hot = hot;
        this.cold = cold;
    }

    static DefectMap of(MasterFrame dark, SensorLayout layout, double hotSigma, double coldSigma) {
        float[] excess = SameColourRing.excess(dark.pixels(), layout.width(), layout.height());
        double sigma = SameColourRing.noise(excess);
        List<Integer> hot = new ArrayList<>();
        List<Integer> cold = new ArrayList<>();
        if (sigma > 0) {
            for (int i = 0; i < excess.length; i++) {
                if (excess[i] > hotSigma * sigma) {
                    hot.add(i);
                } else if (excess[i] < -coldSigma * sigma) {
                    cold.add(i);
                }
            }
        }
        return new DefectMap(hot.stream().mapToInt(Integer::intValue).toArray(),
                cold.stream().mapToInt(Integer::intValue).toArray());
    }

    int hotCount() {
        return hot.length;
    }

    int coldCount() {
        return cold.length;
    }

    /** Replaces every defect by its ring's median, all taken from the uncorrected mosaic. */
    void correct(float[] mosaic, SensorLayout layout) {
        int width = layout.width();
        int height = layout.height();
        float[] ring = new float[8];
        float[] replacements = new float[hot.length + cold.length];
        for (int k = 0; k < replacements.length; k++) {
            int i = k < hot.length ? hot[k] : cold[k - hot.length];
            replacements[k] = (float) SameColourRing.median(mosaic, width, height, i % width, i / width, ring);
        }
        for (int k = 0; k < replacements.length; k++) {
            mosaic[k < hot.length ? hot[k] : cold[k - hot.length]] = replacements[k];
        }
    }
}
