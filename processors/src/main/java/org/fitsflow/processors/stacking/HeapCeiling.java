package org.fitsflow.processors.stacking;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.LongSupplier;

/**
 * Keeps the heap of a long stack, and with it the process's resident memory, flat in the number of subs.
 * Each sub's planes (tens of MB) die with the sub, but those alive at a young collection are promoted, and a
 * JVM whose initial heap is large (a 64th of the machine's memory: 370 MB on 24 GB) lets them pile up in the
 * old generation until it is full, touching every page of it: the process then holds the whole initial heap
 * whatever the work needs. A full collection whenever the old generation has grown by {@code headroom} since
 * the last one keeps it near what is alive, as a heap sized to the work would; on a small machine or in a
 * container with a memory limit the JVM's own collections come first and this rarely fires. The ceiling
 * follows what survives, so that it never collects again and again over data that is all alive.
 *
 * <p>Only the old generation counts: the young one is collected by the JVM anyway and never grows, and
 * counting it (the heap in use as a whole) fired a full collection about every 30 MB allocated, twice per
 * sub, 8 s of pauses in a 96-sub stack. Where the JVM names no old generation, the heap in use is the measure.
 *
 * <p>Under G1 (the service's collector) it does nothing: G1 puts every plane, being larger than half a region,
 * straight into its old generation and frees the dead ones at each young collection, so the old generation's
 * growth says nothing of what survives, and System.gc() is a full stop-the-world collection there: 72 of about
 * 110 ms each in three 32-sub stacks in the service. G1 keeps its old generation bounded by itself.
 */
final class HeapCeiling {
    private final long headroomBytes;
    private final LongSupplier used;
    private long ceilingBytes;

    HeapCeiling(long headroomBytes) {
        this.headroomBytes = headroomBytes;
        this.used = oldGeneration();
        this.ceilingBytes = used.getAsLong() + headroomBytes;
    }

    /** Called between the stages of a sub, from any thread. */
    void check() {
        if (used.getAsLong() > ceilingBytes) {
            collect();
        }
    }

    private synchronized void collect() {
        if (used.getAsLong() > ceilingBytes) {
            System.gc();
            ceilingBytes = used.getAsLong() + headroomBytes;
        }
    }

    /** The old generation's use; under G1 always 0, which never reaches the ceiling. */
    private static LongSupplier oldGeneration() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (name.startsWith("G1 ")) {
                return () -> 0;
            }
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                return () -> pool.getUsage().getUsed();
            }
        }
        Runtime runtime = Runtime.getRuntime();
        return () -> runtime.totalMemory() - runtime.freeMemory();
    }
}
