package org.fitsflow.processors.stacking;

import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.image.Image;

/** The master (linear, float, on the reference sub's grid), the reference sub, and every sub's outcome in input order. */
public record StackResult(Image master, Path reference, List<StackedFrame> frames) {

    public StackResult {
        frames = List.copyOf(frames);
    }

    public long usedCount() {
        return frames.stream().filter(StackedFrame::used).count();
    }
}
