package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * A stack drizzled ({@code stacking: drizzle:}) instead of resampled and combined with rejection. The subs are
 * chosen, registered, normalised and weighted as for any stack; then each sub used is developed again (the same
 * calibration, hot-photosite corrections and debayer as the combine's), its channels normalised with its
 * {@link FrameCoefficients}, and dropped with its transform onto a grid {@code scale} times finer than the
 * reference's ({@link DrizzleAccumulator}), each channel with the sub's weight for that channel. No pixel is
 * rejected: an outlier in one sub (a satellite, a cosmic ray) stays in the master, diluted by the number of subs.
 *
 * <p>The master is framed as any ({@link MasterFraming}): cropped to the area of the finer grid that more than
 * half of the subs' footprints cover, or kept whole with the drizzle's weight map beside it as the coverage, a
 * plane per channel (overlap areas times the subs' weights, in output pixels; 0 where no drop fell and the master
 * is NaN). Subs are developed a batch at a time, one per core, and dropped one after another (each drop works
 * on all cores); memory is the accumulators, two planes of the finer grid per channel (200 MB for a Seestar sub
 * at scale 2), and a batch of developed subs.
 */
final class DrizzleStack {
    /** A used sub's planes as the combine takes them: read again, calibrated, corrected and developed. */
    @FunctionalInterface
    interface Development {
        float[][] planes(SubMeasurement sub);
    }

    private DrizzleStack() {
    }

    /**
     * @param coefficients each used sub's, in the order of {@link SubSelection#used}
     * @param frames       every sub's outcome, the used ones with their weights, for the result and its HISTORY
     * @param afterEachSub called on the calling thread once a sub is dropped
     */
    static StackResult stack(SubSelection selection, List<FrameCoefficients> coefficients, List<StackedFrame> frames,
                             StackingParameters parameters, Development development, Runnable afterEachSub)
            throws IOException {
        DrizzleParameters drizzle = parameters.drizzle().orElseThrow();
        List<SubMeasurement> used = selection.used();
        SubMeasurement reference = selection.reference();
        int width = reference.width();
        int height = reference.height();
        int channels = reference.channels();
        DrizzleAccumulator[] accumulators = new DrizzleAccumulator[channels];
        for (int c = 0; c < channels; c++) {
            accumulators[c] = DrizzleAccumulator.forImage(drizzle, width, height, 1);
        }
        int batch = Runtime.getRuntime().availableProcessors();
        try {
            for (int first = 0; first < used.size(); first += batch) {
                List<SubMeasurement> subs = used.subList(first, Math.min(used.size(), first + batch));
                float[][][] developed = ComputePool.get(() -> subs.parallelStream().map(development::planes)
                        .toArray(float[][][]::new));
                for (int k = 0; k < subs.size(); k++) {
                    drop(accumulators, developed[k], width, height, selection.transformOf(subs.get(k)),
                            coefficients.get(first + k));
                    developed[k] = null;
                    afterEachSub.run();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        boolean keep = parameters.framing() == Framing.KEEP;
        float[][] planes = new float[channels][];
        float[][] weights = new float[channels][];
        for (int c = 0; c < channels; c++) {
            DrizzleResult result = accumulators[c].result();
            accumulators[c] = null; // its sums are garbage from here on: let them go before the next channel's copy
            planes[c] = result.planes()[0];
            weights[c] = keep ? result.weights() : null;
        }
        int outWidth = drizzle.outputSize(width);
        int outHeight = drizzle.outputSize(height);
        short[] footprints = footprints(used.stream().map(selection::transformOf).toList(), drizzle, width, height);
        StackResult framed = MasterFraming.result(new CombinedStack(outWidth, outHeight, planes, footprints, null, null),
                reference, used, frames, parameters);
        if (!keep || framed.coverage().isEmpty()) {
            return framed; // cropped; or no area covered by most subs, kept whole with the count of footprints
        }
        Image weightMap = new Image(outWidth, outHeight, weights, framed.coverage().get().header());
        return new StackResult(framed.master(), framed.reference(), framed.frames(), framed.history(),
                Optional.of(weightMap), framed.rejectedLow(), framed.rejectedHigh(), framed.subsReport());
    }

    /** Normalises the sub's channels in place and drops each with the sub's weight for it. */
    private static void drop(DrizzleAccumulator[] accumulators, float[][] planes, int width, int height,
                             RigidTransform transform, FrameCoefficients coefficients) {
        for (int c = 0; c < accumulators.length; c++) {
            float weight = coefficients.weight()[c];
            if (!(weight > 0)) {
                continue; // a sub without weight in a channel adds nothing to its mean, in the combine as here
            }
            float gain = coefficients.gain()[c];
            float offset = coefficients.offset()[c];
            float[] plane = planes[c];
            ParallelRanges.forEach(plane.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    plane[i] = plane[i] * gain + offset;
                }
            });
            accumulators[c].add(new float[][] {plane}, width, height, transform, weight);
        }
    }

    /**
     * How many subs cover each output pixel: those whose frame holds the point its centre maps to. The count
     * {@link CoverageCrop} frames the master by, as the combine's coverage for a stack without drizzle.
     */
    private static short[] footprints(List<RigidTransform> transforms, DrizzleParameters drizzle, int width,
                                      int height) {
        int outWidth = drizzle.outputSize(width);
        int outHeight = drizzle.outputSize(height);
        double scale = drizzle.scale();
        short[] counts = new short[outWidth * outHeight];
        ParallelRanges.forEach(outHeight, 1, (fromRow, toRow) -> {
            for (RigidTransform t : transforms) {
                double cos = Math.cos(t.angle());
                double sin = Math.sin(t.angle());
                for (int v = fromRow; v < toRow; v++) {
                    double y = (v + 0.5) / scale - 0.5;
                    for (int u = 0; u < outWidth; u++) {
                        double x = (u + 0.5) / scale - 0.5;
                        double fx = cos * x - sin * y + t.tx();
                        double fy = sin * x + cos * y + t.ty();
                        if (fx >= -0.5 && fx < width - 0.5 && fy >= -0.5 && fy < height - 0.5) {
                            counts[v * outWidth + u]++;
                        }
                    }
                }
            }
        });
        return counts;
    }
}
