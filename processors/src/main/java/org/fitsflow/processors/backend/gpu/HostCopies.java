package org.fitsflow.processors.backend.gpu;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import org.fitsflow.processors.parallel.ParallelRanges;

/**
 * Copies between Java arrays and a native-order buffer on all cores. One thread copies a few GB/s, so a
 * 100 MB plane crossing to or from page-locked memory is copied in parallel; the ranges are disjoint and
 * the bulk copies absolute, so the threads share one buffer view.
 */
final class HostCopies {
    private HostCopies() {
    }

    /** {@code count} floats of {@code source} from {@code from} to the start of {@code target}. */
    static void put(float[] source, int from, int count, ByteBuffer target) {
        FloatBuffer floats = target.asFloatBuffer();
        ParallelRanges.forEach(count, (start, end) -> floats.put(start, source, from + start, end - start));
    }

    /** {@code count} floats from the start of {@code source} into {@code target} at {@code from}. */
    static void get(ByteBuffer source, float[] target, int from, int count) {
        FloatBuffer floats = source.asFloatBuffer();
        ParallelRanges.forEach(count, (start, end) -> floats.get(start, target, from + start, end - start));
    }

    static void get(ByteBuffer source, short[] target, int from, int count) {
        ShortBuffer shorts = source.asShortBuffer();
        ParallelRanges.forEach(count, (start, end) -> shorts.get(start, target, from + start, end - start));
    }

    static void get(ByteBuffer source, byte[] target, int from, int count) {
        ParallelRanges.forEach(count, (start, end) -> source.get(start, target, from + start, end - start));
    }
}
