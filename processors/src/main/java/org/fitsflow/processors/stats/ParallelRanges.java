package org.fitsflow.processors.stats;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits {@code [0, length)} into one contiguous range per core and runs them on the common fork-join
 * pool (the calling thread takes part, so all cores work). Small inputs run on the calling thread,
 * where forking would cost more than it saves.
 */
public final class ParallelRanges {
    private static final int MIN_RANGE = 1 << 14;

    /** Work on the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeAction {
        void run(int from, int to);
    }

    /** Work on the index range {@code [from, to)} that yields a partial result. */
    @FunctionalInterface
    public interface RangeFunction<T> {
        T apply(int from, int to);
    }

    private ParallelRanges() {
    }

    /** Runs {@code action} over ranges covering {@code [0, length)}; {@code grain} is the smallest range worth forking. */
    public static void forEach(int length, int grain, RangeAction action) {
        int ranges = rangeCount(length, grain);
        if (ranges == 1) {
            action.run(0, length);
            return;
        }
        IntStream.range(0, ranges).parallel().forEach(r -> action.run(start(r, ranges, length), start(r + 1, ranges, length)));
    }

    public static void forEach(int length, RangeAction action) {
        forEach(length, MIN_RANGE, action);
    }

    /** The partial results of {@code function} over ranges covering {@code [0, length)}, in range order. */
    public static <T> List<T> map(int length, RangeFunction<T> function) {
        int ranges = rangeCount(length, MIN_RANGE);
        if (ranges == 1) {
            return List.of(function.apply(0, length));
        }
        return IntStream.range(0, ranges).parallel()
                .mapToObj(r -> function.apply(start(r, ranges, length), start(r + 1, ranges, length)))
                .toList();
    }

    private static int rangeCount(int length, int grain) {
        int cores = Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1, Math.min(cores, length / (long) Math.max(1, grain)));
    }

    private static int start(int range, int ranges, int length) {
        return (int) ((long) length * range / ranges);
    }
}
