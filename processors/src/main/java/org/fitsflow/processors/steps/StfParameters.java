package org.fitsflow.processors.steps;

import java.util.Arrays;

/**
 * The screen transfer function applied to each channel: shadows clip {@code c0}, midtones balance
 * {@code m} and highlights clip {@code c1} (1 for the auto-stretch), so that
 * y = MTF(m, clip((x - c0) / (c1 - c0))).
 */
public record StfParameters(double[] c0, double[] m, double[] c1) {

    public StfParameters {
        if (c0.length != m.length || c0.length != c1.length) {
            throw new IllegalArgumentException("c0, m and c1 need one value per channel, got "
                    + c0.length + ", " + m.length + " and " + c1.length);
        }
        c0 = c0.clone();
        m = m.clone();
        c1 = c1.clone();
    }

    /** Parameters of the auto-stretch, whose highlights clip is always 1. */
    public StfParameters(double[] c0, double[] m) {
        this(c0, m, filledWithOne(c0.length));
    }

    public int channels() {
        return c0.length;
    }

    @Override
    public double[] c0() {
        return c0.clone();
    }

    @Override
    public double[] m() {
        return m.clone();
    }

    @Override
    public double[] c1() {
        return c1.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StfParameters that
                && Arrays.equals(c0, that.c0) && Arrays.equals(m, that.m) && Arrays.equals(c1, that.c1);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(c0) + Arrays.hashCode(m)) + Arrays.hashCode(c1);
    }

    @Override
    public String toString() {
        return "StfParameters[c0=" + Arrays.toString(c0) + ", m=" + Arrays.toString(m) + ", c1=" + Arrays.toString(c1) + "]";
    }

    private static double[] filledWithOne(int length) {
        double[] ones = new double[length];
        Arrays.fill(ones, 1);
        return ones;
    }
}
