package org.fitsflow.processors.stacking.rejection;

/**
 * Rejects the outlying values of one pixel's stack in place. Implementations hold only settings and
 * per-thread scratch, so one instance serves one combining thread.
 */
public interface PixelRejection {

    /** Fewer values than this are never rejected from: there is no spread to judge them by. */
    int MIN_VALUES = 3;

    void reject(PixelStack stack);

    /** The rejection the parameters describe, for stacks of at most {@code frames} values. */
    static PixelRejection of(RejectionParameters parameters, int frames) {
        return switch (parameters.algorithm()) {
            case NONE -> stack -> { };
            case SIGMA -> new SigmaClipping(parameters, frames);
            case WINSORIZED -> new WinsorizedSigmaClipping(parameters, frames);
            case LINEAR_FIT -> new LinearFitClipping(parameters, frames);
            case GESD -> new GeneralisedEsd(parameters, frames);
        };
    }
}
