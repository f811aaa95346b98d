package org.fitsflow.processors.stacking.rejection;

import java.util.Optional;

/**
 * A rejection that, on a pixel's values in ascending order, always keeps one contiguous range of them: the
 * values rejected are those below the range's first value and above its last. A combine that sorts many
 * pixels at once can then reject on the sorted values alone, and itself take the mean of the values within
 * those bounds, in their frames' order, with no {@link PixelStack} per pixel.
 */
public interface SortedRangeRejection {

    /** Rejects from {@code sorted[0, n)}, ascending; afterwards sorted[{@link #keptFrom}, {@link #keptTo}) are kept. */
    void reject(float[] sorted, int n);

    int keptFrom();

    int keptTo();

    /** The rejection the parameters describe where it keeps a range of the sorted values (sigma, winsorized). */
    static Optional<SortedRangeRejection> of(RejectionParameters parameters, int frames) {
        return switch (parameters.algorithm()) {
            case SIGMA -> Optional.of(new SigmaClipping(parameters, frames));
            case WINSORIZED -> Optional.of(new WinsorizedSigmaClipping(parameters, frames));
            case NONE, LINEAR_FIT, GESD -> Optional.empty();
        };
    }
}
