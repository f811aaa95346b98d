package org.fitsflow.processors.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.fitsflow.processors.curves.AsinhCurve;
import org.fitsflow.processors.image.CodedPlanes;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * {@code histogram_stretch} with the asinh or GHS curve: each channel's value above its STF black point,
 * through the curve chosen for that channel ({@link AsinhStretches}, {@link GhsStretches}). Always on the
 * CPU, whatever the backend (the GPU's kernels know only the midtones transfer); non-finite pixels become 0.
 * A coded image keeps its codes when each channel has its own curve, as with the STF.
 */
final class CurveStretch {
    private final List<DoubleUnaryOperator> channelCurves;
    private final AsinhCurve colourPreserving;
    private final double[] balance;
    private final StfAnchors anchors;
    private final Map<String, Object> measurement;

    private CurveStretch(List<DoubleUnaryOperator> channelCurves, AsinhCurve colourPreserving, double[] balance,
                         StfAnchors anchors, Map<String, Object> measurement) {
        this.channelCurves = channelCurves;
        this.colourPreserving = colourPreserving;
        this.balance = balance;
        this.anchors = anchors;
        this.measurement = measurement;
    }

    /** One curve per channel, each taking the value above that channel's black point. */
    static CurveStretch perChannel(List<DoubleUnaryOperator> curves, StfAnchors anchors, Map<String, Object> measurement) {
        return new CurveStretch(curves, null, null, anchors, measurement);
    }

    /**
     * Three channels, each above its black point times its {@code balance}, scaled alike by {@code curve}'s
     * gain at their mean.
     */
    static CurveStretch colourPreserving(AsinhCurve curve, double[] balance, StfAnchors anchors,
                                         Map<String, Object> measurement) {
        return new CurveStretch(List.of(), curve, balance.clone(), anchors, measurement);
    }

    /**
     * What the step reports: the curve, its black points and the strengths it used, with {@code mode} first, and
     * where it ran: the statistics on {@code statisticsOn} ({@code gpu} or {@code cpu}), the curve on the CPU.
     */
    Map<String, Object> measurement(StretchMode mode, String statisticsOn) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mode", mode.yamlName());
        values.putAll(measurement);
        values.put("statistics_computed_on", statisticsOn);
        values.put("curve_computed_on", "cpu");
        return values;
    }

    /** Stretches in place (or, for a coded image, gives the image with stretched code values). */
    Image apply(Image image) {
        if (colourPreserving != null) {
            stretchColours(image.planes());
            return image;
        }
        if (image.coded().isPresent()) {
            CodedPlanes coded = image.coded().get();
            float[][] values = new float[image.channels()][];
            for (int c = 0; c < values.length; c++) {
                values[c] = coded.values()[c].clone();
                stretchChannel(values[c], c);
            }
            return image.withCodeValues(values);
        }
        for (int c = 0; c < image.channels(); c++) {
            stretchChannel(image.plane(c), c);
        }
        return image;
    }

    private void stretchChannel(float[] samples, int c) {
        DoubleUnaryOperator curve = channelCurves.get(c);
        ParallelRanges.forEach(samples.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                float x = samples[i];
                samples[i] = Float.isFinite(x) ? (float) curve.applyAsDouble(anchors.aboveBlack(c, x)) : 0f;
            }
        });
    }

    private void stretchColours(float[][] planes) {
        float[] r = planes[0];
        float[] g = planes[1];
        float[] b = planes[2];
        ParallelRanges.forEach(r.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                double red = unit(0, r[i]);
                double green = unit(1, g[i]);
                double blue = unit(2, b[i]);
                double gain = colourPreserving.gain((red + green + blue) / 3);
                // a saturated colour can leave [0, 1] in one channel: scale the pixel back, keeping its hue
                double brightest = Math.max(red, Math.max(green, blue)) * gain;
                double fit = brightest > 1 ? gain / brightest : gain;
                r[i] = (float) (red * fit);
                g[i] = (float) (green * fit);
                b[i] = (float) (blue * fit);
            }
        });
    }

    /** The sample above channel c's black point, balanced and clipped to [0, 1]; a non-finite sample counts as black. */
    private double unit(int c, float x) {
        return Float.isFinite(x) ? Math.max(0, Math.min(1, anchors.aboveBlack(c, x) * balance[c])) : 0;
    }

    static List<Double> asList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
