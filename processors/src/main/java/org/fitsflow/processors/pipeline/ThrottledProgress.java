package org.fitsflow.processors.pipeline;

/**
 * Hands a progress report on once per whole percent or new step, not per callback, so that listeners
 * that write to a database or a queue see a few hundred reports per job at most.
 */
public final class ThrottledProgress implements ProgressListener {
    private final ProgressListener target;
    private int lastPercent = -1;
    private String lastStep;

    public ThrottledProgress(ProgressListener target) {
        this.target = target;
    }

    @Override
    public void onProgress(double percent, String step) {
        int whole = (int) Math.floor(percent);
        if (whole != lastPercent || !step.equals(lastStep)) {
            lastPercent = whole;
            lastStep = step;
            target.onProgress(percent, step);
        }
    }
}
