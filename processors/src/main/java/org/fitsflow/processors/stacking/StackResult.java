package org.fitsflow.processors.stacking;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fitsflow.processors.analysis.SubQualityReport;
import org.fitsflow.processors.image.Image;

/**
 * The master (linear, float, on the reference sub's grid or a drizzle's finer one, cropped or not as the framing
 * says, its header with the stack's cards), the reference sub, every sub's outcome in input order, the HISTORY
 * lines that describe the stack, and the optional maps beside the master: the coverage (frames per pixel, with
 * {@link Framing#KEEP}; of a drizzle, its weight map per channel, {@link DrizzleStack}) and the rejection maps
 * (values rejected low and high per pixel and channel); for a stack of subs, their quality report as the stack
 * measured them (none for a deep stack of night masters).
 */
public record StackResult(Image master, Path reference, List<StackedFrame> frames, List<String> history,
                          Optional<Image> coverage, Optional<Image> rejectedLow, Optional<Image> rejectedHigh,
                          Optional<SubQualityReport> subsReport) {

    public StackResult {
        frames = List.copyOf(frames);
        history = List.copyOf(history);
    }

    public long usedCount() {
        return frames.stream().filter(StackedFrame::used).count();
    }
}
