package org.fitsflow.processors.stacking.rejection;

import java.util.Arrays;
import org.fitsflow.processors.stats.SortedFloats;

/**
 * The values of one pixel across the frames that cover it, each with the index of its frame, and what
 * rejection removed from them below and above. One instance per combining thread, reused pixel after pixel:
 * nothing is allocated per pixel.
 */
public final class PixelStack {
    private static final int INSERTION_SORT_LIMIT = 40;
    private final float[] values;
    private final int[] frames;
    private final float[] scratch;
    private final long[] keys;
    private int size;
    private int low;
    private int high;
    /** Whether scratch already holds the kept values in ascending order ({@link #setSorted}). */
    private boolean sortedKnown;

    public PixelStack(int capacity) {
        values = new float[capacity];
        frames = new int[capacity];
        scratch = new float[capacity];
        keys = new long[capacity];
    }

    public void clear() {
        size = 0;
        low = 0;
        high = 0;
        sortedKnown = false;
    }

    /**
     * Tells the stack its values in ascending order, sorted elsewhere (a {@link SortingNetwork} over many
     * pixels at once), so that {@link #sorted} need not sort them: {@code ascending[0, size())} must be the
     * values added since {@link #clear}, sorted.
     */
    public void setSorted(float[] ascending) {
        System.arraycopy(ascending, 0, scratch, 0, size);
        sortedKnown = true;
    }

    public void add(float value, int frame) {
        values[size] = value;
        frames[size] = frame;
        size++;
        sortedKnown = false;
    }

    public int size() {
        return size;
    }

    public float value(int i) {
        return values[i];
    }

    public int frame(int i) {
        return frames[i];
    }

    /** Values rejected as too low so far. */
    public int rejectedLow() {
        return low;
    }

    public int rejectedHigh() {
        return high;
    }

    /**
     * The kept values in ascending order, in a scratch copy valid for {@code [0, size())} until the stack
     * changes; the values themselves keep their order and frames.
     */
    public float[] sorted() {
        if (sortedKnown) {
            return scratch;
        }
        System.arraycopy(values, 0, scratch, 0, size);
        if (size > INSERTION_SORT_LIMIT) {
            Arrays.sort(scratch, 0, size);
            return scratch;
        }
        // The values are finite: no need for the general sort's pass over NaNs and negative zeros, which is
        // a tenth of the combine's time at a few dozen frames.
        SortedFloats.insertionSort(scratch, size);
        return scratch;
    }

    public double mean() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    /** Sample standard deviation (n - 1) of the kept values around {@code centre}. */
    public double standardDeviation(double centre) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = values[i] - centre;
            sum += d * d;
        }
        return size > 1 ? Math.sqrt(sum / (size - 1)) : 0;
    }

    /** Keeps the values within [lo, hi], counting the others as low or high; returns how many were removed. */
    public int keepWithin(double lo, double hi) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            float v = values[i];
            if (v < lo) {
                low++;
            } else if (v > hi) {
                high++;
            } else {
                values[kept] = v;
                frames[kept] = frames[i];
                kept++;
            }
        }
        int removed = size - kept;
        size = kept;
        sortedKnown &= removed == 0;
        return removed;
    }

    /** Sorts the values in ascending order, each keeping its frame. */
    public void sort() {
        for (int i = 0; i < size; i++) {
            int bits = Float.floatToIntBits(values[i]);
            // Orders the bits of finite floats like the floats themselves, negative ones included.
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[i] = ((long) sortable << 32) | frames[i];
        }
        Arrays.sort(keys, 0, size);
        for (int i = 0; i < size; i++) {
            int sortable = (int) (keys[i] >> 32);
            values[i] = Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
            frames[i] = (int) keys[i];
        }
    }

    /** Keeps the values whose flag is set, counting each other one low or high as {@code below[i]} says. */
    public void keepFlagged(boolean[] keep, boolean[] below) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                values[kept] = values[i];
                frames[kept] = frames[i];
                kept++;
            } else if (below[i]) {
                low++;
            } else {
                high++;
            }
        }
        sortedKnown &= kept == size;
        size = kept;
    }

    /** The mean of the kept values, each weighted by its frame's weight; NaN when none is left. */
    public double weightedMean(float[] frameWeights) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < size; i++) {
            double w = frameWeights[frames[i]];
            sum += w * values[i];
            weights += w;
        }
        return weights > 0 ? sum / weights : Double.NaN;
    }
}
