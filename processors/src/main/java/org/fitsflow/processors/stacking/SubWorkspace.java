package org.fitsflow.processors.stacking;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The planes one sub is worked in, handed on to the next sub: a stack of hundreds of subs would otherwise
 * make tens of MB of planes per sub, alive long enough to be promoted to the old generation and collected
 * there in full collections (about one a sub with the worker's 32 MB young generation). Each thread takes
 * one from the {@link Pool} for a sub and gives it back after, so there are as many as subs in flight.
 */
final class SubWorkspace {
    private float[] mosaic = new float[0];
    private float[] green = new float[0];
    private float[][] developed = new float[0][];

    /** The raw mosaic (or the one plane) of a sub of {@code pixels} pixels. */
    float[] mosaic(int pixels) {
        if (mosaic.length != pixels) {
            mosaic = new float[pixels];
        }
        return mosaic;
    }

    /** The plane stars are measured on. */
    float[] green(int pixels) {
        if (green.length != pixels) {
            green = new float[pixels];
        }
        return green;
    }

    /** The three developed colour planes of a raw sub. */
    float[][] developed(int pixels) {
        if (developed.length != 3 || developed[0].length != pixels) {
            developed = new float[][] {new float[pixels], new float[pixels], new float[pixels]};
        }
        return developed;
    }

    /** The workspaces of one stack. */
    static final class Pool {
        private final Queue<SubWorkspace> free = new ConcurrentLinkedQueue<>();

        SubWorkspace take() {
            SubWorkspace workspace = free.poll();
            return workspace != null ? workspace : new SubWorkspace();
        }

        void give(SubWorkspace workspace) {
            free.add(workspace);
        }
    }
}
