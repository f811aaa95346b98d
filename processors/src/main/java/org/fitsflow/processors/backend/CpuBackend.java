package org.fitsflow.processors.backend;

import java.util.Arrays;
import org.fitsflow.processors.stats.CfaPattern;
import org.fitsflow.processors.stats.ChannelStatistics;
import org.fitsflow.processors.stats.MidtonesTransfer;
import org.fitsflow.processors.stats.OrderStatistics;
import org.fitsflow.processors.stats.ParallelRanges;

/** The kernels on all CPU cores; planes are worked on in place or read without copies. */
public final class CpuBackend implements ComputeBackend {

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
        ParallelRanges.forEach(plane.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                float x = plane[i];
                plane[i] = Float.isFinite(x) ? (float) MidtonesTransfer.apply(m, (x - c0) * scale) : 0f;
            }
        });
    }

    @Override
    public float[][] debayer(float[] mosaic, int width, int height, String pattern) {
        return BilinearDebayer.debayer(mosaic, width, height, CfaPattern.parse(pattern));
    }
}
