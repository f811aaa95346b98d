package org.fitsflow.worker;

/** One line of the container's stdout: {@code {"type":"progress","percent":42.0,"step":"histogram_stretch"}}. */
public record ProgressLine(String type, double percent, String step) {
    static ProgressLine of(double percent, String step) {
        return new ProgressLine("progress", percent, step);
    }
}
