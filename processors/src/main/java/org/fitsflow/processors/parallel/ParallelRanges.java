package org.fitsflow.processors.parallel;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Splits {@code [0, length)} into one contiguous range per core and runs them in the {@link ComputePool}.
 * Each range is handed to the work in blocks of 64 Ki elements: a short, often repeated call is compiled
 * quickly, and a deoptimisation of the JIT costs one block instead of leaving a whole 100 MB plane to the
 * interpreter. Small inputs run on the calling thread, where forking would cost more than it saves.
 */
public final class ParallelRanges {
    private static final int MIN_RANGE = 1 << 14;
    private static final int BLOCK = 1 << 16;

    /** Work on the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeAction {
        void run(int from, int to);
    }

    /** Work on the index range {@code [from, to)} that accumulates into the range's own state. */
    @FunctionalInterface
    public interface BlockAction<S> {
        void run(S state, int from, int to);
    }

    private ParallelRanges() {
    }

    /** Runs {@code action} over blocks covering {@code [0, length)}; {@code grain} is the smallest range worth forking. */
    public static void forEach(int length, int grain, RangeAction action) {
        int ranges = rangeCount(length, grain);
        if (ranges == 1) {
            blocks(0, length, action);
            return;
        }
        ComputePool.run(() -> IntStream.range(0, ranges).parallel().forEach(r -> blocks(start(r, ranges, length), start(r + 1, ranges, length), action)));
    }

    public static void forEach(int length, RangeAction action) {
        forEach(length, MIN_RANGE, action);
    }

    /**
     * Runs {@code action} over blocks covering {@code [0, length)}, each range accumulating into a fresh
     * state from {@code newState}; returns the states in range order, to be combined by the caller.
     */
    public static <S> List<S> reduce(int length, Supplier<S> newState, BlockAction<S> action) {
        int ranges = rangeCount(length, MIN_RANGE);
        if (ranges == 1) {
            return List.of(accumulate(0, length, newState, action));
        }
        return ComputePool.get(() -> IntStream.range(0, ranges).parallel()
                .mapToObj(r -> accumulate(start(r, ranges, length), start(r + 1, ranges, length), newState, action))
                .toList());
    }

    private static <S> S accumulate(int from, int to, Supplier<S> newState, BlockAction<S> action) {
        S state = newState.get();
        blocks(from, to, (blockFrom, blockTo) -> action.run(state, blockFrom, blockTo));
        return state;
    }

    private static void blocks(int from, int to, RangeAction action) {
        for (int start = from; start < to; start += BLOCK) {
            action.run(start, Math.min(to, start + BLOCK));
        }
    }

    private static int rangeCount(int length, int grain) {
        int cores = Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1, Math.min(cores, length / (long) Math.max(1, grain)));
    }

    private static int start(int range, int ranges, int length) {
        return (int) ((long) length * range / ranges);
    }
}
