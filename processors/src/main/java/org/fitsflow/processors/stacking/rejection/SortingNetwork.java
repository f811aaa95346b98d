package org.fitsflow.processors.stacking.rejection;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorts many short columns at once: Batcher's odd-even merge sort, a fixed sequence of compare-exchanges,
 * applied to each column of {@code lanes[i][k]} (value {@code i} of column {@code k}). Each exchange is a
 * min and a max over a whole row of columns, with no branch to mispredict, where an insertion sort of one
 * pixel's few dozen values mispredicts about once per value; that sort was half the time of a combine. The
 * network is built for the next power of two of the frames: rows from {@code frames} on would hold
 * +infinity, which no exchange moves down, so exchanges that touch them are left out and the rows need not
 * exist. Missing values (a frame that does not cover the pixel) are +infinity too and sort last.
 */
public final class SortingNetwork {
    private final int[] low;
    private final int[] high;

    public SortingNetwork(int frames) {
        int size = Integer.highestOneBit(Math.max(1, frames - 1)) << 1;
        List<int[]> exchanges = new ArrayList<>();
        // Knuth's iterative form of Batcher's merge exchange (TAOCP vol. 3, 5.2.2, algorithm M)
        for (int p = 1; p < size; p <<= 1) {
            for (int k = p; k >= 1; k >>= 1) {
                for (int j = k % p; j + k < size; j += 2 * k) {
                    for (int i = 0; i < Math.min(k, size - j - k); i++) {
                        int a = i + j;
                        int b = i + j + k;
                        if (a / (2 * p) == b / (2 * p) && b < frames) {
                            exchanges.add(new int[] {a, b});
                        }
                    }
                }
            }
        }
        low = exchanges.stream().mapToInt(e -> e[0]).toArray();
        high = exchanges.stream().mapToInt(e -> e[1]).toArray();
    }

    /** Sorts columns [0, count) of {@code lanes} in ascending order down the rows. */
    public void sort(float[][] lanes, int count) {
        for (int e = 0; e < low.length; e++) {
            float[] a = lanes[low[e]];
            float[] b = lanes[high[e]];
            for (int k = 0; k < count; k++) {
                float x = a[k];
                float y = b[k];
                a[k] = Math.min(x, y);
                b[k] = Math.max(x, y);
            }
        }
    }
}
