package org.fitsflow.processors.stacking.rejection;

/**
 * How outlying values of one pixel across frames are rejected before the mean: {@code SIGMA} clipping
 * around the median, {@code WINSORIZED} sigma clipping (the default, as in Siril and PixInsight: the
 * standard deviation is taken from values pulled in to 1.5 sigma, so that the outliers themselves do not
 * widen it), {@code LINEAR_FIT} clipping around a line fitted to the sorted values (large sets with
 * gradients), the generalised extreme Studentized deviate test {@code GESD} (large sets), or {@code NONE}.
 */
public enum RejectionAlgorithm {
    NONE, SIGMA, WINSORIZED, LINEAR_FIT, GESD
}
