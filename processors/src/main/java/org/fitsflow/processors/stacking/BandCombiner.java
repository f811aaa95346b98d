package org.fitsflow.processors.stacking;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.stacking.rejection.PixelRejection;
import org.fitsflow.processors.stacking.rejection.PixelStack;
import org.fitsflow.processors.stacking.rejection.RejectionAlgorithm;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;
import org.fitsflow.processors.stacking.rejection.SortedRangeRejection;
import org.fitsflow.processors.stacking.rejection.SortingNetwork;

/**
 * Combines registered frames band by band: for each band of rows and each channel, reads that band of every
 * frame, normalises each value with its frame's gain and offset, rejects outliers pixel by pixel and takes
 * the weighted mean of the rest. Memory is the master plus one band of every frame per core, whatever the
 * number of frames; each core works through its own share of the bands with buffers it keeps. The stacks of
 * a few hundred pixels are sorted together by a {@link SortingNetwork} before their rejection. A rejection
 * that keeps a range of the sorted values (sigma, winsorized: {@link SortedRangeRejection}) works on the
 * sorted columns alone, and the weighted means of such a chunk are summed frame by frame across its pixels;
 * the others go through a {@link PixelStack} per pixel.
 */
final class BandCombiner {
    /** Bytes of 16-bit samples one core holds for a band of all frames. */
    private static final int BAND_BYTES = 4 << 20;
    private static final int MAX_BAND_ROWS = 64;
    /** Pixels whose stacks are sorted together by the {@link SortingNetwork}: its rows stay in the cache. */
    private static final int CHUNK = 256;
    /** Marks a frame that does not cover a pixel: sorts after every value. */
    private static final float NO_DATA = Float.POSITIVE_INFINITY;

    private final RejectionParameters rejection;
    private final boolean rejectionMaps;

    BandCombiner(RejectionParameters rejection, boolean rejectionMaps) {
        this.rejection = rejection;
        this.rejectionMaps = rejectionMaps;
    }

    /** @param onBand called after each band (from any thread) with the number of bands done so far */
    CombinedStack combine(RegisteredFrameStore store, List<FrameCoefficients> coefficients, int width, int height,
                          int channels, Runnable onBand) {
        int frames = store.size();
        int bandRows = bandRows(frames, width);
        int bands = bands(frames, width, height);
        float[][] master = new float[channels][width * height];
        short[] coverage = new short[width * height];
        short[][] low = rejectionMaps ? new short[channels][width * height] : null;
        short[][] high = rejectionMaps ? new short[channels][width * height] : null;
        float[][] gains = perChannel(coefficients, channels, FrameCoefficients::gain);
        float[][] offsets = perChannel(coefficients, channels, FrameCoefficients::offset);
        float[][] weights = perChannel(coefficients, channels, FrameCoefficients::weight);
        int workers = Math.min(bands, Runtime.getRuntime().availableProcessors());
        // linear-fit clipping orders values with their frames itself; no rejection needs no order
        boolean presort = rejection.algorithm() != RejectionAlgorithm.NONE
                && rejection.algorithm() != RejectionAlgorithm.LINEAR_FIT;
        SortingNetwork network = new SortingNetwork(frames);
        ComputePool.run(() -> IntStream.range(0, workers).parallel().forEach(worker -> {
            short[][] codes = new short[frames][bandRows * width];
            ByteBuffer buffer = store.buffer(bandRows);
            Chunk chunk = new Chunk(frames, rejectionMaps);
            PixelStack stack = new PixelStack(frames);
            PixelRejection rejecter = PixelRejection.of(rejection, frames);
            SortedRangeRejection ranged = SortedRangeRejection.of(rejection, frames).orElse(null);
            for (int band = worker; band < bands; band += workers) {
                int y0 = band * bandRows;
                int rows = Math.min(bandRows, height - y0);
                for (int c = 0; c < channels; c++) {
                    for (int f = 0; f < frames; f++) {
                        store.readRows(f, c, y0, rows, buffer, codes[f]);
                    }
                    int first = y0 * width;
                    for (int i0 = 0; i0 < rows * width; i0 += CHUNK) {
                        int count = Math.min(CHUNK, rows * width - i0);
                        for (int f = 0; f < frames; f++) {
                            normalise(codes[f], i0, count, gains[c][f], offsets[c][f], chunk.values[f]);
                        }
                        if (presort) {
                            for (int f = 0; f < frames; f++) {
                                System.arraycopy(chunk.values[f], 0, chunk.lanes[f], 0, count);
                            }
                            network.sort(chunk.lanes, count);
                        }
                        if (ranged != null) {
                            chunk.combineKeptRanges(ranged, count, weights[c]);
                        } else {
                            chunk.combineStacks(stack, rejecter, presort, count, weights[c]);
                        }
                        int at = first + i0;
                        System.arraycopy(chunk.mean, 0, master[c], at, count);
                        if (c == 0) {
                            System.arraycopy(chunk.coverage, 0, coverage, at, count);
                        }
                        if (low != null) {
                            System.arraycopy(chunk.low, 0, low[c], at, count);
                            System.arraycopy(chunk.high, 0, high[c], at, count);
                        }
                    }
                }
                onBand.run();
            }
        }));
        return new CombinedStack(width, height, master, coverage, low, high);
    }

    /**
     * One chunk of pixels of one channel: the frames' normalised values ({@link #NO_DATA} where a frame does
     * not cover a pixel), their sorted copies, and what is combined from them. One per combining thread.
     */
    private static final class Chunk {
        final float[][] values;
        final float[][] lanes;
        final float[] mean = new float[CHUNK];
        final short[] coverage = new short[CHUNK];
        final short[] low;
        final short[] high;
        private final float[] column;
        private final float[][] columns;
        private final int[] sizes = new int[SortedRangeRejection.BATCH];
        private final int[] pixels = new int[SortedRangeRejection.BATCH];
        private final float[] keptLow = new float[CHUNK];
        private final float[] keptHigh = new float[CHUNK];
        private final double[] sums = new double[CHUNK];
        private final double[] weightSums = new double[CHUNK];

        Chunk(int frames, boolean rejectionMaps) {
            values = new float[frames][CHUNK];
            lanes = new float[frames][CHUNK];
            column = new float[frames];
            columns = new float[SortedRangeRejection.BATCH][frames];
            low = rejectionMaps ? new short[CHUNK] : null;
            high = rejectionMaps ? new short[CHUNK] : null;
        }

        /** Any rejection, pixel by pixel through a {@link PixelStack}. */
        void combineStacks(PixelStack stack, PixelRejection rejecter, boolean presorted, int count,
                           float[] weights) {
            for (int k = 0; k < count; k++) {
                stack.clear();
                for (int f = 0; f < values.length; f++) {
                    float v = values[f][k];
                    if (v != NO_DATA) {
                        stack.add(v, f);
                    }
                }
                coverage[k] = (short) stack.size();
                if (stack.size() == 0) {
                    mean[k] = Float.NaN;
                    if (low != null) {
                        low[k] = 0;
                        high[k] = 0;
                    }
                    continue;
                }
                if (presorted) {
                    for (int f = 0; f < stack.size(); f++) {
                        column[f] = lanes[f][k];
                    }
                    stack.setSorted(column);
                }
                rejecter.reject(stack);
                mean[k] = (float) stack.weightedMean(weights);
                if (low != null) {
                    low[k] = (short) stack.rejectedLow();
                    high[k] = (short) stack.rejectedHigh();
                }
            }
        }

        /** The bounds of the values kept, and how many were left out below and above, of the batched pixels. */
        private void keepRanges(SortedRangeRejection rejecter, int batched) {
            rejecter.reject(columns, sizes, batched);
            for (int j = 0; j < batched; j++) {
                int k = pixels[j];
                int from = rejecter.keptFrom(j);
                int to = rejecter.keptTo(j);
                keptLow[k] = columns[j][from];
                keptHigh[k] = columns[j][to - 1];
                if (low != null) {
                    // the kept range starts after a strictly lower value and ends before a strictly higher one
                    low[k] = (short) from;
                    high[k] = (short) (sizes[j] - to);
                }
            }
        }

        /**
         * A rejection that keeps a range of the sorted values: each pixel's column of sorted lanes gives the
         * bounds of the values kept, and the weighted mean of the values within them is summed frame by frame
         * across all the chunk's pixels at once, in the frames' order as {@link PixelStack#weightedMean}
         * sums them (a value left out adds +0, which changes no sum).
         */
        void combineKeptRanges(SortedRangeRejection rejecter, int count, float[] weights) {
            int frames = values.length;
            int batched = 0;
            for (int k = 0; k < count; k++) {
                float[] column = columns[batched];
                // missing values sort last
                int n = 0;
                while (n < frames && lanes[n][k] != NO_DATA) {
                    column[n] = lanes[n][k];
                    n++;
                }
                coverage[k] = (short) n;
                if (n == 0) {
                    keptLow[k] = Float.NaN;
                    if (low != null) {
                        low[k] = 0;
                        high[k] = 0;
                    }
                    continue;
                }
                sizes[batched] = n;
                pixels[batched++] = k;
                if (batched == SortedRangeRejection.BATCH) {
                    keepRanges(rejecter, batched);
                    batched = 0;
                }
            }
            keepRanges(rejecter, batched);
            Arrays.fill(sums, 0, count, 0);
            Arrays.fill(weightSums, 0, count, 0);
            for (int f = 0; f < frames; f++) {
                double w = weights[f];
                float[] row = values[f];
                for (int k = 0; k < count; k++) {
                    float v = row[k];
                    boolean kept = v != NO_DATA && v >= keptLow[k] && v <= keptHigh[k];
                    sums[k] += kept ? w * v : 0;
                    weightSums[k] += kept ? w : 0;
                }
            }
            for (int k = 0; k < count; k++) {
                mean[k] = coverage[k] == 0 ? Float.NaN
                        : (float) (weightSums[k] > 0 ? sums[k] / weightSums[k] : Double.NaN);
            }
        }
    }

    /**
     * Normalised values of codes[i0, i0 + count) into {@code out}; {@link #NO_DATA} where a frame has none.
     * Every code is converted first and the few without data are marked after, so that the conversion is
     * one loop without a branch, which the compiler turns into vector instructions.
     */
    private static void normalise(short[] codes, int i0, int count, float gain, float offset, float[] out) {
        for (int k = 0; k < count; k++) {
            out[k] = (codes[i0 + k] & 0xffff) / RegisteredFrameStore.LEVELS * gain + offset;
        }
        for (int k = 0; k < count; k++) {
            if (codes[i0 + k] == 0) {
                out[k] = NO_DATA;
            }
        }
    }

    /** How many bands a combine of these frames takes: progress is reported per band. */
    static int bands(int frames, int width, int height) {
        int rows = bandRows(frames, width);
        return (height + rows - 1) / rows;
    }

    private static int bandRows(int frames, int width) {
        return Math.max(1, Math.min(MAX_BAND_ROWS, BAND_BYTES / Math.max(1, frames * width * 2)));
    }

    private static float[][] perChannel(List<FrameCoefficients> coefficients, int channels,
                                        Function<FrameCoefficients, float[]> field) {
        float[][] out = new float[channels][coefficients.size()];
        for (int f = 0; f < coefficients.size(); f++) {
            float[] values = field.apply(coefficients.get(f));
            for (int c = 0; c < channels; c++) {
                out[c][f] = values[c];
            }
        }
        return out;
    }
}
