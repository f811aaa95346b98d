package org.fitsflow.processors.stats;

/**
 * The 65536 values a 16-bit frame holds once normalised to [0, 1] (the float nearest to k / 65535), and
 * which of them a sample is. Most frames consist of nothing else, so per-pixel work can often be a
 * look-up in a table of 65536 precomputed answers.
 */
public final class SixteenBitLevels {
    public static final int COUNT = 1 << 16;
    private static final float[] VALUES = new float[COUNT];
    private static final int SAMPLES = 4096;

    static {
        for (int k = 0; k < COUNT; k++) {
            VALUES[k] = (float) (k / 65535.0);
        }
    }

    private SixteenBitLevels() {
    }

    public static float value(int level) {
        return VALUES[level];
    }

    /**
     * Whether most of the plane are levels, judged from up to 4096 evenly spaced samples: only then does
     * looking each sample up first pay (float frames would pay the look-up and then compute anyway).
     */
    public static boolean mostlyLevels(float[] plane) {
        int step = Math.max(1, plane.length / SAMPLES);
        int seen = 0;
        int levels = 0;
        for (int i = 0; i < plane.length; i += step) {
            seen++;
            levels += levelOf(plane[i]) >= 0 ? 1 : 0;
        }
        return seen > 0 && levels * 4 >= seen * 3;
    }

    /** The level {@code x} is exactly, or -1. */
    public static int levelOf(float x) {
        if (!(x >= 0f && x <= 1f)) {
            return -1;
        }
        // float arithmetic is exact enough here: k / 65535 * 65535 lands within 0.01 of k
        int k = (int) (x * 65535f + 0.5f);
        return VALUES[k] == x ? k : -1;
    }
}
