package org.fitsflow.processors.stacking;

import java.util.List;

/**
 * The weighted FWHM of a sub (as Siril reports it): its median FWHM times the most stars any sub of the set
 * shows over its own star count, so that a sub that lost stars to haze or cloud looks as bad as its lost
 * stars make it, though the stars left are as sharp as elsewhere.
 */
final class WeightedFwhm {
    private WeightedFwhm() {
    }

    static double[] of(List<SubMeasurement> subs) {
        int most = subs.stream().mapToInt(s -> s.stars().count()).max().orElse(0);
        return subs.stream().mapToDouble(s -> s.stars().count() == 0 ? Double.POSITIVE_INFINITY
                : s.quality().fwhmPixels() * most / s.stars().count()).toArray();
    }
}
