/**
 * Calibration of raw subs with bias, dark and flat frames, on the mosaic before it is debayered. Start from
 * {@link org.fitsflow.processors.calibration.CalibrationMasters#build}: it takes the frames (found by
 * {@link org.fitsflow.processors.calibration.CalibrationFolders#discover} in {@code biases/}, {@code darks/} and
 * {@code flats/} folders, or listed by the caller as {@link org.fitsflow.processors.calibration.CalibrationFrames}),
 * combines each kind into masters in bands of rows, and then calibrates each light: minus its matching master dark
 * (or the master bias), divided by the master flat normalised per colour, its hot and cold photosites (found on
 * the master dark) replaced by their same-colour neighbours. All of it is optional: with no frames a light passes
 * unchanged.
 */
package org.fitsflow.processors.calibration;
