package org.fitsflow.processors.backend.gpu;

/**
 * Exact rank selection among float values by their order-preserving 32-bit keys, refined 12 + 12 + 8 bits
 * at a time from histograms that something else counts (the GPU kernel {@code histogramKeys}). Three
 * histogram passes give the exact value of any rank without sorting.
 */
final class RadixSelection {
    private static final int[] DIGIT_BITS = {12, 12, 8};

    /** Counts the keys whose bits above {@code prefixShift} equal {@code prefix} (32: all keys) by their bits from {@code binShift} up. */
    interface KeyHistogram {
        long[] count(int prefix, int prefixShift, int binShift, int binCount);
    }

    private final KeyHistogram histogram;
    private long[] firstDigit;

    RadixSelection(KeyHistogram histogram) {
        this.histogram = histogram;
    }

    /** The number of values counted, i.e. the finite ones. */
    long count() {
        long total = 0;
        for (long c : firstDigitHistogram()) {
            total += c;
        }
        return total;
    }

    /** The value of 0-based {@code rank} in ascending order; rank must be below {@link #count()}. */
    float select(long rank) {
        if (rank < 0 || rank >= count()) {
            throw new IllegalArgumentException("rank " + rank + " outside 0.." + (count() - 1));
        }
        int prefix = 0;
        int shift = 32;
        long remaining = rank;
        for (int bits : DIGIT_BITS) {
            int binShift = shift - bits;
            long[] bins = shift == 32 ? firstDigitHistogram() : histogram.count(prefix, shift, binShift, 1 << bits);
            int digit = 0;
            while (remaining >= bins[digit]) {
                remaining -= bins[digit];
                digit++;
            }
            prefix = (prefix << bits) | digit;
            shift = binShift;
        }
        return valueOf(prefix);
    }

    private long[] firstDigitHistogram() {
        if (firstDigit == null) {
            firstDigit = histogram.count(0, 32, 32 - DIGIT_BITS[0], 1 << DIGIT_BITS[0]);
        }
        return firstDigit;
    }

    /** The key of the kernel's orderedKey: sign bit flipped for positives, all bits for negatives. */
    static int keyOf(float value) {
        int bits = Float.floatToRawIntBits(value);
        return bits < 0 ? ~bits : bits | 0x80000000;
    }

    static float valueOf(int key) {
        return Float.intBitsToFloat(key < 0 ? key & 0x7fffffff : ~key);
    }
}
