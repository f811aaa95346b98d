package org.fitsflow.processors.pipeline;

/** Turns "stage i of n" into a monotonic percentage for the listener. */
final class ProgressTracker {
    private final ProgressListener listener;
    private int stages = 1;
    private int started;
    private double last;

    ProgressTracker(ProgressListener listener) {
        this.listener = listener;
    }

    /** The number of stages becomes known only after reading (an automatic debayer may be added). */
    void expectStages(int total) {
        stages = Math.max(total, started);
    }

    void begin(String stage) {
        report(100.0 * started / stages, stage);
        started++;
    }

    void done() {
        report(100.0, "done");
    }

    private void report(double percent, String stage) {
        // Never move backwards, whatever the stage count turned out to be.
        last = Math.max(last, Math.min(100.0, percent));
        listener.onProgress(last, stage);
    }
}
