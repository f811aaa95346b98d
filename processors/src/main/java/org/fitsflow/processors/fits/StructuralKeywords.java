package org.fitsflow.processors.fits;

import java.util.Set;
import java.util.regex.Pattern;

/** Keywords that describe how the data is stored, which a writer derives from the image instead of copying. */
final class StructuralKeywords {
    private static final Set<String> NAMES = Set.of(
            "SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT", "BZERO", "BSCALE", "BLANK",
            "END", "CHECKSUM", "DATASUM");
    private static final Pattern AXIS = Pattern.compile("NAXIS\\d+");

    private StructuralKeywords() {
    }

    static boolean isStructural(String keyword) {
        return NAMES.contains(keyword) || AXIS.matcher(keyword).matches();
    }
}
