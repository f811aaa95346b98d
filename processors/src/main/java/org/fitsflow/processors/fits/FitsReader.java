package org.fitsflow.processors.fits;

import java.io.IOException;
import java.nio.file.Path;

import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.Image;

/**
 * Reads the FITS files users bring: BITPIX 8, 16, 32, 64, -32 and -64 with BZERO / BSCALE, the image in the
 * primary HDU or the first image extension, gzip-compressed files (recognised by their magic bytes) and
 * tile-compressed images, mono (NAXIS 2 or NAXIS3 = 1), raw mosaics and 3-plane colour.
 * Pixels are normalised to [0, 1] as {@link Normalisation} describes; undefined pixels become NaN.
 * Anything else is refused with an {@link InvalidFitsException} whose message says why, in words for users;
 * sizes are checked against the file and against {@link FitsReadLimits} before anything is allocated.
 */
public final class FitsReader {

    private FitsReader() {
    }

    public static Image read(Path file) throws IOException {
        return read(file, FitsReadLimits.DEFAULT);
    }

    public static Image read(Path file, FitsReadLimits limits) throws IOException {
        try (FitsInput input = FitsInput.open(file)) {
            LocatedImage image = ImageLocator.locate(input, limits);
            if (image.compressed()) {
                return CompressedImageReader.read(file, image);
            }
            float[][] planes = PixelReader.read(input, image.layout());
            return new Image(image.layout().width(), image.layout().height(), planes, header(image));
        } catch (OutOfMemoryError e) {
            // The limits keep this from happening with the default heap; a smaller heap still deserves a message.
            throw new InvalidFitsException("not enough memory to read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Header, summary and size validation; reads no pixel data. */
    public static FitsHeader readHeader(Path file) throws IOException {
        return readHeader(file, FitsReadLimits.DEFAULT);
    }

    public static FitsHeader readHeader(Path file, FitsReadLimits limits) throws IOException {
        try (FitsInput input = FitsInput.open(file)) {
            LocatedImage image = ImageLocator.locate(input, limits);
            return image.compressed() ? CompressedImageReader.readHeader(file, image) : header(image);
        }
    }

    private static FitsHeader header(LocatedImage image) {
        return new FitsHeader(image.cards(), SummaryExtractor.summarise(image.layout(), image.headers()));
    }
}
