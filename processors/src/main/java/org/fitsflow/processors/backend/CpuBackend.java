package org.fitsflow.processors.backend;

import java.util.Arrays;
import org.fitsflow.processors.stats.CfaPattern;
import org.fitsflow.processors.stats.ChannelStatistics;
import org.fitsflow.processors.stats.MidtonesTransfer;
import org.fitsflow.processors.stats.OrderStatistics;
import org.fitsflow.processors.parallel.ParallelRanges;
import org.fitsflow.processors.stats.SixteenBitLevels;

/** The kernels on all CPU cores; planes are worked on in place or read without copies. */
public final class CpuBackend implements ComputeBackend {
    /** Below this a table of all 65536 levels costs more than it saves. */
    private static final int MIN_PIXELS_FOR_LEVEL_TABLE = 1 << 18;

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public ChannelStatistics statistics(float[] plane) {
        return OrderStatistics.medianAndMad(plane);
    }

    /**
     * In place: y = MTF(m, clip((x - c0) / (1 - c0))), non-finite samples become 0. With c0 >= 1 no
     * sample lies above the shadows clip, so the whole plane becomes 0.
     */
    @Override
    public void stretch(float[] plane, double c0, double m) {
        if (Double.isNaN(c0)) {
            throw new IllegalArgumentException("shadows clip c0 must be a number");
        }
        if (!(m >= 0 && m <= 1)) {
            throw new IllegalArgumentException("midtones balance m must be in [0, 1], got " + m);
        }
        if (c0 >= 1) {
            ParallelRanges.forEach(plane.length, (from, to) -> Arrays.fill(plane, from, to, 0f));
            return;
        }
        double scale = 1 / (1 - c0);
        float[] stretchedLevels = plane.length >= MIN_PIXELS_FOR_LEVEL_TABLE && SixteenBitLevels.mostlyLevels(plane)
                ? stretchedLevels(c0, scale, m) : null;
        ParallelRanges.forEach(plane.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                float x = plane[i];
                int level = stretchedLevels == null ? -1 : SixteenBitLevels.levelOf(x);
                plane[i] = level >= 0 ? stretchedLevels[level]
                        : Float.isFinite(x) ? stretched(x, c0, scale, m) : 0f;
            }
        });
    }

    /** The stretch of every 16-bit level: for 16-bit frames a look-up replaces the division per pixel. */
    private static float[] stretchedLevels(double c0, double scale, double m) {
        float[] table = new float[SixteenBitLevels.COUNT];
        for (int k = 0; k < table.length; k++) {
            table[k] = stretched(SixteenBitLevels.value(k), c0, scale, m);
        }
        return table;
    }

    private static float stretched(float x, double c0, double scale, double m) {
        return (float) MidtonesTransfer.apply(m, (x - c0) * scale);
    }

    @Override
    public float[][] debayer(float[] mosaic, int width, int height, String pattern) {
        return BilinearDebayer.debayer(mosaic, width, height, CfaPattern.parse(pattern));
    }

    @Override
    public float[] debayerGreen(float[] mosaic, int width, int height, String pattern) {
        return BilinearDebayer.green(mosaic, width, height, CfaPattern.parse(pattern));
    }

    @Override
    public float[] debayerGreen(float[] mosaic, int width, int height, String pattern, float[] green) {
        return BilinearDebayer.green(mosaic, width, height, CfaPattern.parse(pattern), green);
    }
}
