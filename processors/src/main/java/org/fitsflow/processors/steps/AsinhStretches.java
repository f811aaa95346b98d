package org.fitsflow.processors.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.fitsflow.processors.curves.AsinhCurve;

/**
 * Chooses the asinh stretch of each channel: the stretch factor given, or the one that lands the channel's
 * median (above its black point) on the target background. The colour-preserving form needs one factor for
 * all three channels, found from the mean of their medians; unlinked, it first scales each channel so that
 * its median matches that mean, which makes the sky neutral as the unlinked STF does (linked, the medians
 * are equal already and the data's own colour stays).
 */
final class AsinhStretches {
    private AsinhStretches() {
    }

    static CurveStretch of(StretchCurve.Asinh asinh, StfAnchors anchors, double targetBackground) {
        int channels = anchors.channels();
        Map<String, Object> measurement = new LinkedHashMap<>();
        measurement.put("curve", asinh.yamlName());
        measurement.put("c0", CurveStretch.asList(anchors.c0()));
        boolean preserveColour = asinh.preserveColour() && channels == 3;
        if (preserveColour) {
            double meanMedian = (anchors.medianAboveBlack(0) + anchors.medianAboveBlack(1) + anchors.medianAboveBlack(2)) / 3;
            double[] balance = new double[channels];
            for (int c = 0; c < channels; c++) {
                double median = anchors.medianAboveBlack(c);
                balance[c] = median > 0 ? meanMedian / median : 1;
            }
            AsinhCurve curve = curveFor(asinh, meanMedian, targetBackground);
            double[] factors = new double[channels];
            Arrays.fill(factors, curve.beta());
            measurement.put("stretch", CurveStretch.asList(factors));
            measurement.put("preserve_colour", true);
            measurement.put("balance", CurveStretch.asList(balance));
            return CurveStretch.colourPreserving(curve, balance, anchors, measurement);
        }
        List<DoubleUnaryOperator> curves = new ArrayList<>(channels);
        double[] factors = new double[channels];
        for (int c = 0; c < channels; c++) {
            AsinhCurve curve = curveFor(asinh, anchors.medianAboveBlack(c), targetBackground);
            factors[c] = curve.beta();
            curves.add(curve::apply);
        }
        measurement.put("stretch", CurveStretch.asList(factors));
        measurement.put("preserve_colour", false);
        return CurveStretch.perChannel(curves, anchors, measurement);
    }

    private static AsinhCurve curveFor(StretchCurve.Asinh asinh, double median, double targetBackground) {
        return asinh.stretch().isPresent() ? new AsinhCurve(asinh.stretch().getAsDouble())
                : AsinhCurve.landing(median, targetBackground);
    }
}
