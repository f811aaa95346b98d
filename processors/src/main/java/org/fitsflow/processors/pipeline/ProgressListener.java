package org.fitsflow.processors.pipeline;

/** Receives progress of a running pipeline: percent in [0, 100] and the name of the current step. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (percent, step) -> { };

    void onProgress(double percent, String step);
}
