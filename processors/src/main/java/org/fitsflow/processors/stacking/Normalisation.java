package org.fitsflow.processors.stacking;

/**
 * How each sub's channels are brought to the reference's before rejection, from robust location (median)
 * and scale (MAD) per channel: {@code ADDITIVE_SCALE} (as Siril's {@code -norm=addscale}) matches both, so
 * that nights with different sky levels and transparency meet without a step; {@code ADDITIVE} only moves
 * the sky level; {@code NONE} combines the values as they are.
 */
public enum Normalisation {
    NONE, ADDITIVE, ADDITIVE_SCALE
}
