package org.fitsflow.processors.fits;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the image of a file: the primary HDU when it has data, else the first image extension or
 * tile-compressed image. Leaves the input positioned at the start of that image's data.
 */
final class ImageLocator {
    /** Bound on the HDUs walked past, so a file of endless empty extensions cannot keep the reader busy. */
    private static final int MAX_HDUS = 1000;

    private ImageLocator() {
    }

    static LocatedImage locate(FitsInput input, FitsReadLimits limits) throws IOException {
        HeaderReader headers = new HeaderReader(input, limits);
        ParsedHeader primary = headers.readPrimary();
        if (primary.isTrue("GROUPS")) {
            throw new InvalidFitsException("random-groups data (GROUPS = T) is not an image");
        }
        if (primary.requiredLong("NAXIS") != 0) {
            return checked(input, limits, new LocatedImage(ImageLayout.of(primary), 0, false, List.of(primary)));
        }
        for (int hdu = 1; hdu <= MAX_HDUS; hdu++) {
            Optional<ParsedHeader> extension = headers.readExtension();
            if (extension.isEmpty()) {
                break;
            }
            ParsedHeader header = extension.get();
            String type = header.string("XTENSION").orElse("");
            if (type.equals("IMAGE") && header.requiredLong("NAXIS") > 0) {
                return checked(input, limits, new LocatedImage(ImageLayout.of(header), hdu, false, List.of(header, primary)));
            }
            if (type.equals("BINTABLE") && header.isTrue("ZIMAGE")) {
                return checked(input, limits, new LocatedImage(ImageLayout.ofCompressed(header), hdu, true, List.of(header, primary)));
            }
            long size = ImageLayout.padded(ImageLayout.hduDataBytes(header));
            if (input.skip(size) < size) {
                break;
            }
        }
        throw new InvalidFitsException("no image: the primary HDU has no data (NAXIS = 0) and no image extension follows");
    }

    /**
     * Checks the declared size against what the file holds and against the limits, before any allocation.
     * For a tile-compressed image the stored size is that of its binary table (rows and heap).
     */
    private static LocatedImage checked(FitsInput input, FitsReadLimits limits, LocatedImage image) throws IOException {
        long declared = image.compressed() ? ImageLayout.hduDataBytes(image.headers().get(0)) : image.layout().dataBytes();
        long available = input.remaining();
        if (available >= 0 && declared > available) {
            throw new InvalidFitsException("data truncated: header declares " + declared + " bytes of "
                    + (image.compressed() ? "compressed" : "pixel") + " data, the file holds " + available);
        }
        image.layout().checkWithin(limits);
        return image;
    }
}
