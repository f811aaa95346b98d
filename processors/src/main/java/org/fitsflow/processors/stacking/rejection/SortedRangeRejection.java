package org.fitsflow.processors.stacking.rejection;

import java.util.Optional;

/**
 * A rejection that, on a pixel's values in ascending order, always keeps one contiguous range of them: the
 * values rejected are those below the range's first value and above its last. A combine that sorts many
 * pixels at once can then reject on the sorted values alone, and itself take the mean of the values within
 * those bounds, in their frames' order, with no {@link PixelStack} per pixel. It hands over a few pixels at
 * a time: their passes, each a chain of divisions and square roots that waits on the one before, are worked
 * side by side, so that the processor overlaps the chains of different pixels.
 */
public interface SortedRangeRejection {

    /** The most pixels one {@link #reject} call takes. */
    int BATCH = 4;

    /**
     * Rejects from {@code sorted[j][0, n[j])}, ascending, for each pixel j below {@code count} (at most
     * {@link #BATCH}); afterwards sorted[j][{@link #keptFrom}(j), {@link #keptTo}(j)) are kept.
     */
    void reject(float[][] sorted, int[] n, int count);

    int keptFrom(int pixel);

    int keptTo(int pixel);

    /** The rejection the parameters describe where it keeps a range of the sorted values (sigma, winsorized). */
    static Optional<SortedRangeRejection> of(RejectionParameters parameters, int frames) {
        return switch (parameters.algorithm()) {
            case SIGMA -> Optional.of(new SigmaClipping(parameters, frames));
            case WINSORIZED -> Optional.of(new WinsorizedSigmaClipping(parameters, frames));
            case NONE, LINEAR_FIT, GESD -> Optional.empty();
        };
    }
}
