package org.fitsflow.processors.stacking;

/**
 * How much each sub counts in the mean, from its quality figures (as Siril's {@code -weight=}):
 * {@code NOISE} inverse variance of its sky noise after normalisation, per channel (the default: the
 * least noisy master for a given set); {@code STAR_COUNT} proportional to the stars detected (haze and thin
 * cloud lose stars first); {@code WEIGHTED_FWHM} inverse square of the weighted FWHM (sharper subs count
 * more); {@code NONE} all alike.
 */
public enum Weighting {
    NONE, NOISE, STAR_COUNT, WEIGHTED_FWHM
}
