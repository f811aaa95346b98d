package org.fitsflow.processors.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.fitsflow.processors.curves.GeneralisedHyperbolicCurve;

/**
 * Chooses the generalised hyperbolic stretch of each channel. SP, LP and HP are given in the image's values
 * and moved above the channel's black point like its pixels; SP defaults to the channel's median (linked:
 * the channels' mean median). LP and HP are kept on their side of SP, as the GHS tools do when SP moves
 * past them. The stretch is the one given, or the one that lands the median on the target background.
 */
final class GhsStretches {
    private GhsStretches() {
    }

    static CurveStretch of(StretchCurve.Ghs ghs, StfAnchors anchors, double targetBackground) {
        int channels = anchors.channels();
        List<DoubleUnaryOperator> curves = new ArrayList<>(channels);
        double[] stretches = new double[channels];
        double[] symmetryPoints = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sp = ghs.symmetryPoint().isPresent() ? unit(anchors.aboveBlack(c, ghs.symmetryPoint().getAsDouble()))
                    : anchors.medianAboveBlack(c);
            double lp = Math.min(sp, unit(anchors.aboveBlack(c, ghs.shadowProtection())));
            double hp = Math.max(sp, unit(anchors.aboveBlack(c, ghs.highlightProtection())));
            GeneralisedHyperbolicCurve curve = ghs.stretch().isPresent()
                    ? new GeneralisedHyperbolicCurve(ghs.stretch().getAsDouble(), ghs.localIntensity(), sp, lp, hp)
                    : GeneralisedHyperbolicCurve.landing(anchors.medianAboveBlack(c), targetBackground,
                            ghs.localIntensity(), sp, lp, hp);
            curves.add(curve::apply);
            stretches[c] = curve.stretch();
            symmetryPoints[c] = ghs.symmetryPoint().orElse(anchors.medians()[c]);
        }
        Map<String, Object> measurement = new LinkedHashMap<>();
        measurement.put("curve", ghs.yamlName());
        measurement.put("c0", CurveStretch.asList(anchors.c0()));
        measurement.put("stretch", CurveStretch.asList(stretches));
        measurement.put("local_intensity", ghs.localIntensity());
        measurement.put("symmetry_point", CurveStretch.asList(symmetryPoints));
        measurement.put("shadow_protection", ghs.shadowProtection());
        measurement.put("highlight_protection", ghs.highlightProtection());
        return CurveStretch.perChannel(curves, anchors, measurement);
    }

    private static double unit(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
