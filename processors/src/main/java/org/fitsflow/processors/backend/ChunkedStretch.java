package org.fitsflow.processors.backend;

/**
 * Runs a backend's in-place stretch over a copy of the plane taken a chunk at a time, so that quantised
 * output can be produced without modifying the plane and without a second full-size float array.
 */
final class ChunkedStretch {
    // large enough that the backend's parallel split pays off, 4 MB of scratch space
    private static final int CHUNK = 1 << 20;

    interface Sink {
        void accept(int offset, float[] stretched, int length);
    }

    private ChunkedStretch() {
    }

    static void apply(ComputeBackend backend, float[] plane, double c0, double m, Sink sink) {
        float[] chunk = new float[Math.min(CHUNK, plane.length)];
        for (int offset = 0; offset < plane.length; offset += CHUNK) {
            int length = Math.min(CHUNK, plane.length - offset);
            if (length < chunk.length) {
                chunk = new float[length];
            }
            System.arraycopy(plane, offset, chunk, 0, length);
            backend.stretch(chunk, c0, m);
            sink.accept(offset, chunk, length);
        }
    }
}
