package org.fitsflow.processors.stacking;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.stacking.rejection.PixelRejection;
import org.fitsflow.processors.stacking.rejection.PixelStack;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;

/**
 * Combines registered frames band by band: for each band of rows and each channel, reads that band of every
 * frame, normalises each value with its frame's gain and offset, rejects outliers pixel by pixel and takes
 * the weighted mean of the rest. Memory is the master plus one band of every frame per core, whatever the
 * number of frames; each core works through its own share of the bands with buffers it keeps.
 */
final class BandCombiner {
    /** Bytes of 16-bit samples one core holds for a band of all frames. */
    private static final int BAND_BYTES = 4 << 20;
    private static final int MAX_BAND_ROWS = 64;

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
        ComputePool.run(() -> IntStream.range(0, workers).parallel().forEach(worker -> {
            short[][] codes = new short[frames][bandRows * width];
            ByteBuffer buffer = store.buffer(bandRows);
            PixelStack stack = new PixelStack(frames);
            PixelRejection rejecter = PixelRejection.of(rejection, frames);
            for (int band = worker; band < bands; band += workers) {
                int y0 = band * bandRows;
                int rows = Math.min(bandRows, height - y0);
                for (int c = 0; c < channels; c++) {
                    for (int f = 0; f < frames; f++) {
                        store.readRows(f, c, y0, rows, buffer, codes[f]);
                    }
                    int first = y0 * width;
                    for (int i = 0; i < rows * width; i++) {
                        stack.clear();
                        for (int f = 0; f < frames; f++) {
                            short code = codes[f][i];
                            if (code != 0) {
                                stack.add(RegisteredFrameStore.value(code) * gains[c][f] + offsets[c][f], f);
                            }
                        }
                        int pixel = first + i;
                        if (c == 0) {
                            coverage[pixel] = (short) stack.size();
                        }
                        if (stack.size() == 0) {
                            master[c][pixel] = Float.NaN;
                            continue;
                        }
                        rejecter.reject(stack);
                        master[c][pixel] = (float) stack.weightedMean(weights[c]);
                        if (low != null) {
                            low[c][pixel] = (short) stack.rejectedLow();
                            high[c][pixel] = (short) stack.rejectedHigh();
                        }
                    }
                }
                onBand.run();
            }
        }));
        return new CombinedStack(width, height, master, coverage, low, high);
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
