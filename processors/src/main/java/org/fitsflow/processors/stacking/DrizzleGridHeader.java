package org.fitsflow.processors.stacking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;

/**
 * The reference sub's header made true of a drizzle's grid, {@code scale} times finer: the pixel sizes
 * ({@code XPIXSZ}, {@code YPIXSZ}, {@code PIXSIZE1}, {@code PIXSIZE2}, micrometres) and the angular ones
 * ({@code PIXSCALE}, {@code SECPIX}, arcseconds; a WCS's {@code CDELTi} and {@code CDi_j}, degrees) are divided
 * by the scale, so that {@link org.fitsflow.processors.analysis.PlateScale} (focal length over pixel size) gives
 * the master's arcseconds per output pixel; a WCS's reference pixel moves with the grid (FITS pixel centres are
 * at integers, so pixel p of the reference becomes s (p - 0.5) + 0.5). {@link MasterHeader} then adds the
 * stack's cards as for any master.
 */
final class DrizzleGridHeader {
    private static final Set<String> PIXEL_SIZES = Set.of("XPIXSZ", "YPIXSZ", "PIXSIZE1", "PIXSIZE2");
    private static final Set<String> ANGLES_PER_PIXEL = Set.of("PIXSCALE", "SECPIX", "CDELT1", "CDELT2", "CD1_1",
            "CD1_2", "CD2_1", "CD2_2");
    private static final Set<String> REFERENCE_PIXELS = Set.of("CRPIX1", "CRPIX2");
    private static final MathContext DIGITS = new MathContext(12);

    private DrizzleGridHeader() {
    }

    static FitsHeader of(FitsHeader reference, double scale) {
        List<HeaderCard> cards = new ArrayList<>();
        for (HeaderCard card : reference.cards()) {
            String keyword = card.keyword();
            boolean perPixel = PIXEL_SIZES.contains(keyword) || ANGLES_PER_PIXEL.contains(keyword);
            if ((perPixel || REFERENCE_PIXELS.contains(keyword)) && card.doubleValue().isPresent()) {
                double value = card.doubleValue().get();
                double scaled = perPixel ? value / scale : scale * (value - 0.5) + 0.5;
                String comment = PIXEL_SIZES.contains(keyword) ? "[um] the sensor's pixel over the drizzle scale"
                        : card.comment();
                cards.add(new HeaderCard(keyword, number(scaled), comment));
            } else {
                cards.add(card);
            }
        }
        HeaderSummary s = reference.summary();
        HeaderSummary summary = new HeaderSummary((int) Math.round(s.width() * scale),
                (int) Math.round(s.height() * scale), s.planes(), s.bitpix(), s.object(), s.exposureSeconds(),
                s.filter(), s.gain(), s.instrument(), s.stackCount(), s.bayerPattern(), s.dateObs(), s.focalLengthMm(),
                s.pixelSizeMicrons() == null ? null : s.pixelSizeMicrons() / scale);
        return new FitsHeader(cards, summary);
    }

    /** Twelve significant digits, always with a decimal point: a FITS real. */
    private static String number(double value) {
        String plain = new BigDecimal(value, DIGITS).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
