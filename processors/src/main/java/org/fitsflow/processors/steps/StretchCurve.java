package org.fitsflow.processors.steps;

import java.util.OptionalDouble;
import org.fitsflow.processors.curves.AsinhCurve;
import org.fitsflow.processors.curves.GeneralisedHyperbolicCurve;

/**
 * The tone curve {@code histogram_stretch} applies above the STF black point of each channel: the STF's
 * midtones transfer ({@code mtf}, the default), an inverse hyperbolic sine ({@code asinh}) or a generalised
 * hyperbolic stretch ({@code ghs}). A strength left out is found from the image, so that the median lands on
 * the target background as with the STF.
 */
public sealed interface StretchCurve permits StretchCurve.Mtf, StretchCurve.Asinh, StretchCurve.Ghs {
    Mtf MTF = new Mtf();

    /** The name in pipeline YAML ({@code curve: ghs}). */
    String yamlName();

    /** The strength given in the YAML; empty when it is found from the image. */
    OptionalDouble stretch();

    /** Whether the strength is found from the image (and the target background therefore used). */
    default boolean landsOnTarget() {
        return stretch().isEmpty();
    }

    /** PixInsight's midtones transfer with the m that lands the median on the target background. */
    record Mtf() implements StretchCurve {
        @Override
        public String yamlName() {
            return "mtf";
        }

        /** Always found: m is chosen for the target background. */
        @Override
        public OptionalDouble stretch() {
            return OptionalDouble.empty();
        }
    }

    /**
     * @param stretch        the factor beta of asinh(beta x) / asinh(beta); empty: the one that lands the median
     *                       on the target background
     * @param preserveColour colour images: every channel of a pixel scaled alike by the stretch of their mean,
     *                       so hues stay as they are; otherwise each channel is stretched on its own
     */
    record Asinh(OptionalDouble stretch, boolean preserveColour) implements StretchCurve {
        public static final Asinh DEFAULTS = new Asinh(OptionalDouble.empty(), true);

        public Asinh {
            stretch.ifPresent(beta -> {
                if (!(beta > 0 && beta <= AsinhCurve.MAX_BETA)) {
                    throw new IllegalArgumentException("asinh_stretch must be in (0, " + (long) AsinhCurve.MAX_BETA
                            + "], got " + beta);
                }
            });
        }

        @Override
        public String yamlName() {
            return "asinh";
        }
    }

    /**
     * Values of SP, LP and HP are the image's own (normalised as read, before the black point).
     *
     * @param stretch             ln(D + 1), 0 to 10; empty: the one that lands the median on the target background
     * @param localIntensity      b, -5 to 15: how tightly the added contrast gathers around SP
     * @param symmetryPoint       SP, 0 to 1; empty: each channel's median (linked: their mean)
     * @param shadowProtection    LP, 0 to SP: below it the curve is a straight line, so shadows are not compressed
     * @param highlightProtection HP, SP to 1: above it the curve is a straight line, so stars keep their cores
     */
    record Ghs(OptionalDouble stretch, double localIntensity, OptionalDouble symmetryPoint,
               double shadowProtection, double highlightProtection) implements StretchCurve {
        public static final double DEFAULT_LOCAL_INTENSITY = 0;
        public static final Ghs DEFAULTS = new Ghs(OptionalDouble.empty(), DEFAULT_LOCAL_INTENSITY, OptionalDouble.empty(), 0, 1);

        public Ghs {
            stretch.ifPresent(value -> {
                if (!(value >= 0 && value <= GeneralisedHyperbolicCurve.MAX_STRETCH)) {
                    throw new IllegalArgumentException("ghs_stretch must be in [0, " + (int) GeneralisedHyperbolicCurve.MAX_STRETCH
                            + "] (it is ln(D + 1)), got " + value);
                }
            });
            if (!(localIntensity >= GeneralisedHyperbolicCurve.MIN_LOCAL_INTENSITY
                    && localIntensity <= GeneralisedHyperbolicCurve.MAX_LOCAL_INTENSITY)) {
                throw new IllegalArgumentException("ghs_local_intensity must be in [" + (int) GeneralisedHyperbolicCurve.MIN_LOCAL_INTENSITY
                        + ", " + (int) GeneralisedHyperbolicCurve.MAX_LOCAL_INTENSITY + "], got " + localIntensity);
            }
            requireUnit("ghs_shadow_protection", shadowProtection);
            requireUnit("ghs_highlight_protection", highlightProtection);
            symmetryPoint.ifPresent(sp -> requireUnit("ghs_symmetry_point", sp));
            // without SP the median is not known yet: LP and HP are kept on their side of it when it is
            double middle = symmetryPoint.orElse(shadowProtection);
            if (!(shadowProtection <= middle && middle <= highlightProtection)) {
                throw new IllegalArgumentException("need ghs_shadow_protection <= ghs_symmetry_point <= ghs_highlight_protection, got "
                        + shadowProtection + ", " + (symmetryPoint.isPresent() ? symmetryPoint.getAsDouble() : "the median")
                        + " and " + highlightProtection);
            }
        }

        @Override
        public String yamlName() {
            return "ghs";
        }

        private static void requireUnit(String key, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(key + " must be between 0 and 1, got " + value);
            }
        }
    }
}
