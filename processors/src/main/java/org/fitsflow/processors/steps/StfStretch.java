package org.fitsflow.processors.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fitsflow.processors.backend.ChannelStretch;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.image.CodedPlanes;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stats.ChannelStatistics;
import org.fitsflow.processors.stats.MidtonesTransfer;
import org.fitsflow.processors.stats.OrderStatistics;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * {@code histogram_stretch}: PixInsight's STF auto-stretch. Per channel c0 = clamp(median + shadowsClip
 * x 1.4826 x MAD, 0, 1) and m = MTF(targetBackground, median - c0), so that the median lands on the
 * target background; linked mode averages the channels' c0 and medians into one stretch for all.
 * The asinh and GHS curves start from the same black points ({@link CurveStretch}).
 * A raw mosaic is stretched as one channel. Works in place; a coded image (16-bit data) keeps its codes
 * and gets the stretched value of each code instead.
 */
public final class StfStretch implements Step {
    public static final String NAME = "histogram_stretch";

    private final StfStretchParameters parameters;

    public StfStretch(StfStretchParameters parameters) {
        this.parameters = parameters;
    }

    public StfStretch() {
        this(StfStretchParameters.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    public StfStretchParameters parameters() {
        return parameters;
    }

    @Override
    public Image apply(Image image, StepContext context) {
        ComputeBackend backend = context.backend();
        if (!(parameters.curve() instanceof StretchCurve.Mtf)) {
            return curveStretch(image, backend, context);
        }
        if (parameters.mode() != StretchMode.PERCENTILE && image.coded().isEmpty()) {
            // one backend call from statistics to stretch, so that a GPU uploads each plane once
            context.checkCancelled();
            List<ChannelStretch> applied = backend.statisticsThenStretch(image.planes(), this::autoStretches);
            context.measure(NAME, measurement(asParameters(applied)));
            return image;
        }
        StfParameters stf = parametersFor(image, backend, context);
        context.measure(NAME, measurement(stf));
        double[] c0 = stf.c0();
        double[] m = stf.m();
        double[] c1 = stf.c1();
        Optional<CodedPlanes> coded = image.coded();
        if (coded.isPresent() && Arrays.stream(c1).allMatch(white -> white == 1)) {
            // the stretch of every code's value instead of every pixel's
            float[][] values = new float[image.channels()][];
            for (int c = 0; c < values.length; c++) {
                values[c] = coded.get().values()[c].clone();
                backend.stretch(values[c], c0[c], m[c]);
            }
            return image.withCodeValues(values);
        }
        for (int c = 0; c < image.channels(); c++) {
            context.checkCancelled();
            float[] plane = image.plane(c);
            if (c1[c] != 1) {
                rescale(plane, c0[c], c1[c]);
                backend.stretch(plane, 0, m[c]);
            } else {
                backend.stretch(plane, c0[c], m[c]);
            }
        }
        return image;
    }

    /** The asinh or GHS curve above the STF black points; the statistics come from the backend, the curve runs on the CPU. */
    private Image curveStretch(Image image, ComputeBackend backend, StepContext context) {
        StfAnchors anchors = StfAnchors.of(channelStatistics(image, backend, context), parameters.shadowsClip(),
                parameters.mode() == StretchMode.LINKED);
        // a 16-bit frame that is still coded was measured from its code counts, on the CPU; floats by the backend
        String statisticsOn = image.coded().isPresent() ? "cpu" : backend.name();
        CurveStretch stretch = parameters.curve() instanceof StretchCurve.Asinh asinh
                ? AsinhStretches.of(asinh, anchors, parameters.targetBackground())
                : GhsStretches.of((StretchCurve.Ghs) parameters.curve(), anchors, parameters.targetBackground());
        context.checkCancelled();
        context.measure(NAME, stretch.measurement(parameters.mode(), statisticsOn));
        return stretch.apply(image);
    }

    /** The STF parameters (black point c0, midtones m) this step would apply to {@code image} with the mtf curve, without changing it. */
    public StfParameters parametersFor(Image image, ComputeBackend backend) {
        return parametersFor(image, backend, new StepContext(backend));
    }

    private StfParameters parametersFor(Image image, ComputeBackend backend, StepContext context) {
        int channels = image.channels();
        if (parameters.mode() == StretchMode.PERCENTILE) {
            double[] c0 = new double[channels];
            double[] m = new double[channels];
            double[] c1 = new double[channels];
            for (int c = 0; c < channels; c++) {
                context.checkCancelled();
                double[] points = OrderStatistics.quantiles(image.plane(c),
                        parameters.blackPercentile() / 100, parameters.whitePercentile() / 100);
                c0[c] = StfAnchors.requireFinite(points[0], c);
                c1[c] = points[1];
                m[c] = parameters.midtones();
            }
            return new StfParameters(c0, m, c1);
        }
        return asParameters(autoStretches(channelStatistics(image, backend, context)));
    }

    private static List<ChannelStatistics> channelStatistics(Image image, ComputeBackend backend, StepContext context) {
        List<ChannelStatistics> statistics = new ArrayList<>(image.channels());
        for (int c = 0; c < image.channels(); c++) {
            context.checkCancelled();
            statistics.add(statistics(image, c, backend));
        }
        return statistics;
    }

    /** The auto-stretch of channels with these statistics, the same for every backend. */
    private List<ChannelStretch> autoStretches(List<ChannelStatistics> statistics) {
        StfAnchors anchors = StfAnchors.of(statistics, parameters.shadowsClip(), parameters.mode() == StretchMode.LINKED);
        double[] c0 = anchors.c0();
        double[] medians = anchors.medians();
        List<ChannelStretch> stretches = new ArrayList<>(c0.length);
        for (int c = 0; c < c0.length; c++) {
            stretches.add(new ChannelStretch(c0[c], MidtonesTransfer.apply(parameters.targetBackground(), medians[c] - c0[c])));
        }
        return stretches;
    }

    private static StfParameters asParameters(List<ChannelStretch> stretches) {
        return new StfParameters(stretches.stream().mapToDouble(ChannelStretch::c0).toArray(),
                stretches.stream().mapToDouble(ChannelStretch::m).toArray());
    }

    /** From the code counts of a coded image, where they suffice; otherwise by the backend from the floats. */
    private static ChannelStatistics statistics(Image image, int c, ComputeBackend backend) {
        return image.coded()
                .flatMap(coded -> OrderStatistics.medianAndMad(coded.codeCounts(c), coded.values()[c]))
                .orElseGet(() -> backend.statistics(image.plane(c)));
    }

    private Map<String, Object> measurement(StfParameters stf) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mode", parameters.mode().yamlName());
        values.put("c0", CurveStretch.asList(stf.c0()));
        values.put("m", CurveStretch.asList(stf.m()));
        if (parameters.mode() == StretchMode.PERCENTILE) {
            values.put("c1", CurveStretch.asList(stf.c1()));
        }
        return values;
    }

    /** In place: (x - black) / (white - black), so that the backend's stretch with c0 = 0 clips at both points. */
    private static void rescale(float[] plane, double black, double white) {
        if (!(white > black)) {
            // no spread between the percentiles: a threshold at the black point
            ParallelRanges.forEach(plane.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    plane[i] = plane[i] > black ? 1f : 0f;
                }
            });
            return;
        }
        double scale = 1 / (white - black);
        ParallelRanges.forEach(plane.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                plane[i] = (float) ((plane[i] - black) * scale);
            }
        });
    }

}
