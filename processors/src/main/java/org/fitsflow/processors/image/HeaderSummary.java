package org.fitsflow.processors.image;

/**
 * What a user wants to know about a FITS file before processing it. Optional fields are null when the
 * header does not say. {@code planes} is 1 for mono or raw mosaics, 3 for colour.
 */
public record HeaderSummary(
        int width,
        int height,
        int planes,
        int bitpix,
        String object,
        Double exposureSeconds,
        String filter,
        Double gain,
        String instrument,
        Integer stackCount,
        String bayerPattern,
        String dateObs,
        Double focalLengthMm,
        Double pixelSizeMicrons) {

    public boolean isRawMosaic() {
        return planes == 1 && bayerPattern != null;
    }
}
