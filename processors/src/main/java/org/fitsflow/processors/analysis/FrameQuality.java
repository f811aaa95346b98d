package org.fitsflow.processors.analysis;

/**
 * The quality figures of one frame. FWHM is the median over the measured stars (pixels, and arcseconds when
 * the header gives the plate scale, else NaN); roundness the median minor/major axis ratio; background and
 * noise the sky level and per-pixel noise in normalised units (multiply by 65535 for 16-bit ADU).
 */
public record FrameQuality(int starCount, double fwhmPixels, double fwhmArcsec, double roundness, double background,
                           double noise) {

    public static FrameQuality of(StarField field, double arcsecPerPixel) {
        double fwhm = field.medianFwhm();
        return new FrameQuality(field.count(), fwhm, fwhm * arcsecPerPixel, field.medianRoundness(), field.background(),
                field.noise());
    }
}
