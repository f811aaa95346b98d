package org.fitsflow.processors.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * The stars measured on one plane, brightest first, with the sky level (median of the background mesh) and
 * the per-pixel sky noise (standard deviation), both in the image's normalised units.
 */
public record StarField(List<Star> stars, double background, double noise) {

    public StarField {
        stars = List.copyOf(stars);
    }

    public int count() {
        return stars.size();
    }

    /** Median FWHM in pixels; NaN without stars. */
    public double medianFwhm() {
        return median(stars.stream().mapToDouble(Star::fwhm).toArray());
    }

    /** Median roundness (minor / major axis); NaN without stars. */
    public double medianRoundness() {
        return median(stars.stream().mapToDouble(Star::roundness).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }
}
