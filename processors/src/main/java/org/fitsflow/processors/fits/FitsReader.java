package org.fitsflow.processors.fits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.Image;

/**
 * Reads the FITS files users bring: BITPIX 8, 16, 32, 64, -32 and -64 with BZERO / BSCALE, the image in the
 * primary HDU or the first image extension, gzip-compressed files (recognised by their magic bytes) and
 * tile-compressed images, mono (NAXIS 2 or NAXIS3 = 1), raw mosaics and 3-plane colour.
 * Pixels are normalised to [0, 1] as {@link Normalisation} describes; undefined pixels become NaN.
 * Anything else is refused with an {@link InvalidFitsException} whose message says why, in words for users;
 * sizes are checked against the file and against {@link FitsReadLimits} before anything is allocated.
 * Plain files are parsed here and streamed into the planes by all cores; tile-compressed images are
 * decompressed by nom-tam-fits.
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
            ImageLayout layout = image.layout();
            try {
                if (image.compressed()) {
                    return CompressedImageReader.read(file, image);
                }
                return PixelReader.read(input, layout, header(image));
            } catch (OutOfMemoryError e) {
                // The file is fine, the heap is too small for it: say so instead of letting the error escape.
                boolean codes = !image.compressed() && PixelReader.readsCodes(layout);
                throw new IOException(String.format(Locale.ROOT,
                        "not enough memory to read %s: its %d x %d x %d pixels need %d MB as %s, the heap allows %d MB",
                        file.getFileName(), layout.width(), layout.height(), layout.planes(),
                        layout.samples() * (codes ? Short.BYTES : Float.BYTES) >> 20, codes ? "16-bit words" : "float",
                        Runtime.getRuntime().maxMemory() >> 20), e);
            }
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

    /**
     * The length a plain FITS file whose primary HDU holds the image must have to be whole: its header blocks
     * plus the pixel data padded to a whole block. Reads the primary header only, never the pixels.
     * Empty when the primary HDU does not say how long the file is: a gzip file, a primary HDU without data
     * (NAXIS = 0: the image is in an extension or tile-compressed) or random groups.
     *
     * @throws IOException when the file cannot be read or does not start with a whole, valid primary header
     *                     (empty, not FITS, cut off before the END card, a BITPIX that is no FITS data type)
     */
    public static OptionalLong primaryHduLength(Path file) throws IOException {
        try (FitsInput input = FitsInput.open(file)) {
            if (input.remaining() < 0) {
                return OptionalLong.empty();
            }
            ParsedHeader primary = new HeaderReader(input, FitsReadLimits.DEFAULT).readPrimary();
            if (primary.isTrue("GROUPS") || primary.requiredLong("NAXIS") == 0) {
                return OptionalLong.empty();
            }
            ImageLayout.bitpix(primary, "BITPIX");
            long length = input.position() + ImageLayout.padded(ImageLayout.hduDataBytes(primary));
            if (length < 0) {
                throw new InvalidFitsException("the data size the header declares overflows: the header is corrupt");
            }
            return OptionalLong.of(length);
        }
    }

    private static FitsHeader header(LocatedImage image) {
        return new FitsHeader(image.cards(), SummaryExtractor.summarise(image.layout(), image.headers()));
    }
}
