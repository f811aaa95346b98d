package org.fitsflow.processors.stacking;

import java.util.Optional;
import org.fitsflow.processors.analysis.StarDetectionParameters;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.calibration.CalibrationParameters;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;

/**
 * How subs are stacked. The defaults are what a Seestar night needs: additive-with-scale normalisation,
 * winsorized sigma clipping at 3 sigma, noise weights, flagged subs left out, bicubic resampling, the
 * master cropped to the area most subs cover, raw subs debayered with RCD, no drizzle; calibration frames, when
 * there are any, combined and matched as {@link CalibrationParameters#DEFAULTS} says.
 *
 * @param normalisation  how each sub's channels are matched to the reference before rejection
 * @param rejection      the pixel rejection and its settings
 * @param weighting      how much each sub counts in the mean
 * @param filter         thresholds in sigma units that leave subs out
 * @param rejectFlagged  leave out subs the quality report flags (clouds, trailing, bad FWHM)
 * @param interpolation  how registered subs are resampled onto the reference grid
 * @param framing        crop to the area most subs cover, or keep the whole grid with a coverage map
 * @param rejectionMaps  also return the maps of values rejected low and high
 * @param detection      how stars are found for the quality figures and the registration
 * @param qualityReport  also write the quality report of the subs, from the measurements the stack made anyway
 * @param debayer        how raw subs become colour planes before they are resampled and combined
 * @param drizzle        when present, the subs are drizzled onto a grid {@code scale} times finer than the
 *                       reference's instead of resampled and combined with rejection ({@link DrizzleStack});
 *                       absent (the default) for the usual stack
 * @param calibration    how the masters of bias, dark and flat frames are made and matched to the subs
 */
public record StackingParameters(Normalisation normalisation, RejectionParameters rejection, Weighting weighting,
                                 SubFilter filter, boolean rejectFlagged, Interpolation interpolation,
                                 Framing framing, boolean rejectionMaps, StarDetectionParameters detection,
                                 boolean qualityReport, DebayerMethod debayer, Optional<DrizzleParameters> drizzle,
                                 CalibrationParameters calibration) {

    public static final StackingParameters DEFAULTS = new StackingParameters(Normalisation.ADDITIVE_SCALE,
            RejectionParameters.DEFAULTS, Weighting.NOISE, SubFilter.OFF, true, Interpolation.BICUBIC, Framing.CROP,
            false, StarDetectionParameters.DEFAULTS, false, DebayerMethod.RCD, Optional.empty(),
            CalibrationParameters.DEFAULTS);

    public StackingParameters {
        if (normalisation == null || rejection == null || weighting == null || filter == null
                || interpolation == null || framing == null || detection == null || debayer == null || drizzle == null
                || calibration == null) {
            throw new IllegalArgumentException("every stacking setting is required");
        }
    }

    public StackingParameters withNormalisation(Normalisation value) {
        return new StackingParameters(value, rejection, weighting, filter, rejectFlagged, interpolation, framing,
                rejectionMaps, detection, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withRejection(RejectionParameters value) {
        return new StackingParameters(normalisation, value, weighting, filter, rejectFlagged, interpolation, framing,
                rejectionMaps, detection, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withWeighting(Weighting value) {
        return new StackingParameters(normalisation, rejection, value, filter, rejectFlagged, interpolation, framing,
                rejectionMaps, detection, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withFilter(SubFilter value) {
        return new StackingParameters(normalisation, rejection, weighting, value, rejectFlagged, interpolation, framing,
                rejectionMaps, detection, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withRejectFlagged(boolean value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, value, interpolation, framing,
                rejectionMaps, detection, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withInterpolation(Interpolation value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, rejectFlagged, value, framing,
                rejectionMaps, detection, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withFraming(Framing value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, rejectFlagged, interpolation, value,
                rejectionMaps, detection, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withRejectionMaps(boolean value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, rejectFlagged, interpolation, framing,
                value, detection, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withDetection(StarDetectionParameters value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, rejectFlagged, interpolation, framing,
                rejectionMaps, value, qualityReport, debayer, drizzle, calibration);
    }

    public StackingParameters withQualityReport(boolean value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, rejectFlagged, interpolation, framing,
                rejectionMaps, detection, value, debayer, drizzle, calibration);
    }

    public StackingParameters withDebayer(DebayerMethod value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, rejectFlagged, interpolation, framing,
                rejectionMaps, detection, qualityReport, value, drizzle, calibration);
    }

    public StackingParameters withDrizzle(Optional<DrizzleParameters> value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, rejectFlagged, interpolation, framing,
                rejectionMaps, detection, qualityReport, debayer, value, calibration);
    }

    public StackingParameters withCalibration(CalibrationParameters value) {
        return new StackingParameters(normalisation, rejection, weighting, filter, rejectFlagged, interpolation, framing,
                rejectionMaps, detection, qualityReport, debayer, drizzle, value);
    }
}
