package org.fitsflow.processors.stacking;

/**
 * How a registered sub is resampled onto the reference grid. {@code BICUBIC} (Keys, a = -0.5) keeps the
 * undersampled stars of a small telescope sharp: bilinear interpolation at a half-pixel shift averages four
 * pixels and widens a 2.2-pixel FWHM by about a fifth. {@code BILINEAR} never overshoots, for data with
 * isolated very bright pixels.
 */
public enum Interpolation {
    BILINEAR, BICUBIC
}
