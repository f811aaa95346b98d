package org.fitsflow.processors.stacking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fitsflow.processors.image.Image;

/**
 * The seam measure of the stacking tests: for every pair of coverage levels of a master kept whole with its
 * coverage map, the sigma-clipped medians of the green plane within 12 pixels on either side of their
 * boundary; the largest difference, in units of the sky noise (1.4826 MAD) of the best-covered area.
 */
final class CoverageSteps {
    private static final int BAND = 12;

    private CoverageSteps() {
    }

    /** The largest background difference across a coverage boundary, in sky noise of the best-covered area. */
    static double largestInSigmas(StackResult result) {
        Image master = result.master();
        int w = master.width();
        int h = master.height();
        float[] green = master.plane(1);
        float[] coverage = result.coverage().orElseThrow().plane(0);
        float best = 0;
        for (float c : coverage) {
            best = Math.max(best, c);
        }
        double noise = noiseWhere(green, coverage, best);
        double worst = 0;
        for (int k = 1; k <= best; k++) {
            for (int other = k + 1; other <= best; other++) {
                List<Float> sideA = new ArrayList<>();
                List<Float> sideB = new ArrayList<>();
                for (int y = BAND; y < h - BAND; y++) {
                    for (int x = BAND; x < w - BAND; x++) {
                        float c = coverage[y * w + x];
                        if (c == k && near(coverage, w, x, y, other)) {
                            sideA.add(green[y * w + x]);
                        } else if (c == other && near(coverage, w, x, y, k)) {
                            sideB.add(green[y * w + x]);
                        }
                    }
                }
                if (sideA.size() > 1000 && sideB.size() > 1000) {
                    worst = Math.max(worst, Math.abs(clippedMedian(sideA) - clippedMedian(sideB)));
                }
            }
        }
        return worst / noise;
    }

    private static boolean near(float[] coverage, int w, int x, int y, float level) {
        for (int d = -BAND; d <= BAND; d += 4) {
            if (coverage[(y + d) * w + x] == level || coverage[y * w + x + d] == level) {
                return true;
            }
        }
        return false;
    }

    /** 1.4826 MAD of the green plane where coverage is {@code level}. */
    private static double noiseWhere(float[] plane, float[] coverage, float level) {
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < plane.length; i++) {
            if (coverage[i] == level) {
                values.add(plane[i]);
            }
        }
        double median = clippedMedian(values);
        double[] deviations = values.stream().mapToDouble(v -> Math.abs(v - median)).sorted().toArray();
        return 1.4826 * deviations[deviations.length / 2];
    }

    /** Median after clipping at 3 MAD-sigmas five times: the sky under the stars. */
    private static double clippedMedian(List<Float> values) {
        double[] v = values.stream().mapToDouble(Float::doubleValue).sorted().toArray();
        for (int it = 0; it < 5; it++) {
            double median = v[v.length / 2];
            double[] dev = Arrays.stream(v).map(x -> Math.abs(x - median)).sorted().toArray();
            double sigma = 1.4826 * dev[dev.length / 2];
            v = Arrays.stream(v).filter(x -> Math.abs(x - median) < 3 * sigma).toArray();
        }
        return v[v.length / 2];
    }
}
