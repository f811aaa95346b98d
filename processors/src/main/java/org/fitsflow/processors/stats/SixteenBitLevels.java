package org.fitsflow.processors.stats;

/**
 * The 65536 values a 16-bit frame holds once normalised to [0, 1] (the float nearest to k / 65535), and
 * which of them a sample is. Most frames consist of nothing else, so per-pixel work can often be a
 * look-up in a table of 65536 precomputed answers.
 */
public final class SixteenBitLevels {
    public static final int COUNT = 1 << 16;
    private static final float[] VALUES = new float[COUNT];

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
