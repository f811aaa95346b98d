package org.fitsflow.processors.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * Combines spooled frames into a master in bands of rows on all cores, each core holding one band of every
 * frame: about {@link #BAND_BYTES} whatever the number of frames.
 */
final class MasterCombiner {
    private static final long BAND_BYTES = 16L << 20;

    private MasterCombiner() {
    }

    static float[] combine(FrameSpool spool, SensorLayout layout, Combination combination, double kappa)
            throws IOException {
        int frames = spool.frames();
        int width = layout.width();
        int height = layout.height();
        int bandRows = (int) Math.max(1, Math.min(height, BAND_BYTES / ((long) frames * width * Float.BYTES)));
        int bands = (height + bandRows - 1) / bandRows;
        float[] master = new float[layout.pixels()];
        try {
            ParallelRanges.forEach(bands, 1, (fromBand, toBand) -> {
                float[][] rows = new float[frames][bandRows * width];
                float[] values = new float[frames];
                for (int band = fromBand; band < toBand; band++) {
                    int firstRow = band * bandRows;
                    int count = Math.min(bandRows, height - firstRow) * width;
                    for (int f = 0; f < frames; f++) {
                        spool.readRows(f, firstRow, count / width, rows[f]);
                    }
                    int offset = firstRow * width;
                    for (int i = 0; i < count; i++) {
                        for (int f = 0; f < frames; f++) {
                            values[f] = rows[f][i];
                        }
                        master[offset + i] = combination.combine(values, frames, kappa);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return master;
    }
}
