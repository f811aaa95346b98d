package org.fitsflow.processors.stats;

import java.util.Arrays;
import java.util.List;

/** A growing list of doubles: the values a pass picks out of a plane, few compared with the plane. */
final class CollectedValues {
    /** The most values a pass collects (8 MB of doubles); more are narrowed down first. */
    static final int LIMIT = 1 << 20;

    private double[] values = new double[64];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** All values of the parts, in part order. */
    static double[] joined(List<CollectedValues> parts) {
        int total = 0;
        for (CollectedValues part : parts) {
            total += part.size;
        }
        double[] all = new double[total];
        int n = 0;
        for (CollectedValues part : parts) {
            System.arraycopy(part.values, 0, all, n, part.size);
            n += part.size;
        }
        return all;
    }
}
