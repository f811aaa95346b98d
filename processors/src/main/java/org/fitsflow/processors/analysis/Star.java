package org.fitsflow.processors.analysis;

/**
 * One detected star from an elliptical Gaussian fit: centre in pixels of the measured plane (0-based, x along
 * a row), peak above the local background, the local background, the full widths at half maximum along the
 * major and minor axes, the major axis angle (radians from +x) and the integrated flux of the fitted profile.
 */
public record Star(double x, double y, double peak, double background, double fwhmMajor, double fwhmMinor,
                   double angle, double flux) {

    /** Geometric mean of the two axes: the width of the circular profile with the same area at half maximum. */
    public double fwhm() {
        return Math.sqrt(fwhmMajor * fwhmMinor);
    }

    /** Minor over major axis: 1 for a round star, lower for trailed or elongated ones. */
    public double roundness() {
        return fwhmMinor / fwhmMajor;
    }
}
