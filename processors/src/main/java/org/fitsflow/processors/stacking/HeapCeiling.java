package org.fitsflow.processors.stacking;

/**
 * Keeps the heap of a long stack, and with it the process's resident memory, flat in the number of subs.
 * Each sub's planes (tens of MB) die with the sub, but those alive at a young collection are promoted, and a
 * JVM whose initial heap is large (a 64th of the machine's memory: 370 MB on 24 GB) lets them pile up in the
 * old generation until it is full, touching every page of it: the process then holds the whole initial heap
 * whatever the work needs. A full collection whenever the heap in use has grown by {@code headroom} since the
 * last one keeps the old generation near what is alive, as a heap sized to the work would; on a small machine
 * or in a container with a memory limit the JVM's own collections come first and this rarely fires. The
 * ceiling follows what survives, so that it never collects again and again over data that is all alive.
 */
final class HeapCeiling {
    private final long headroomBytes;
    private long ceilingBytes;

    HeapCeiling(long headroomBytes) {
        this.headroomBytes = headroomBytes;
        this.ceilingBytes = used() + headroomBytes;
    }

    /** Called between the stages of a sub, from any thread. */
    void check() {
        if (used() > ceilingBytes) {
            collect();
        }
    }

    private synchronized void collect() {
        if (used() > ceilingBytes) {
            System.gc();
            ceilingBytes = used() + headroomBytes;
        }
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
