package org.fitsflow.processors.fits;

import java.util.List;
import java.util.stream.Stream;

import org.fitsflow.processors.image.HeaderCard;

/**
 * The image HDU of a file: its layout, where it is and the headers that describe it.
 *
 * @param hduIndex   0 for the primary HDU, n for the n-th extension
 * @param compressed true for a tile-compressed image (a binary table with ZIMAGE = T)
 * @param headers    the image HDU's header first, then the primary header when the image is an extension
 *                   (keywords such as OBJECT often live only in the primary header)
 */
record LocatedImage(ImageLayout layout, int hduIndex, boolean compressed, List<ParsedHeader> headers) {

    /** The cards users see and exports carry forward: for an extension, the primary header's descriptive cards first. */
    List<HeaderCard> cards() {
        if (headers.size() == 1) {
            return headers.get(0).cards();
        }
        Stream<HeaderCard> primary = headers.get(1).cards().stream().filter(c -> !StructuralKeywords.isStructural(c.keyword()));
        return Stream.concat(primary, headers.get(0).cards().stream()).toList();
    }
}
