package org.fitsflow.processors.analysis;

/**
 * The planes a {@link StarDetector} works in (the background-subtracted plane, the smoothing's pass along
 * rows and the smoothed plane), kept by a caller that detects stars frame after frame, so that the collector
 * does not have three frame-sized arrays a frame to reclaim. One per thread.
 */
public final class DetectionPlanes {
    private float[] residual = new float[0];
    private float[] rows = new float[0];
    private float[] smoothed = new float[0];

    float[] residual(int pixels) {
        if (residual.length != pixels) {
            residual = new float[pixels];
        }
        return residual;
    }

    float[] rows(int pixels) {
        if (rows.length != pixels) {
            rows = new float[pixels];
        }
        return rows;
    }

    float[] smoothed(int pixels) {
        if (smoothed.length != pixels) {
            smoothed = new float[pixels];
        }
        return smoothed;
    }
}
