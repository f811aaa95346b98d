package org.fitsflow.worker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.calibration.CalibrationFrames;

/**
 * {@code job.json}: a job's ticket as the container reads it, what one container run processes. {@code input} is relative to the job folder or
 * absolute; {@code inputs} lists every input of a job over several files (a set of subs), and replaces
 * {@code input} when present; {@code pipeline} is the whole definition (as posted to {@code POST
 * /pipelines}), so that the container needs no configuration folder; {@code outputStem} names the
 * outputs {@code <stem>.<ext>}; {@code biases}, {@code darks} and {@code flats}, named as {@code inputs} are, calibrate a
 * set of subs (absent or empty: the calibration folders beside the subs, if any).
 */
public record TicketFile(String jobId, String input, List<String> inputs, Map<String, Object> pipeline, String outputStem,
                         List<String> biases, List<String> darks, List<String> flats) {

    /** The inputs, in order: {@code inputs} when it lists any, else {@code input} alone, else none. */
    List<String> allInputs() {
        if (inputs != null && !inputs.isEmpty()) {
            return inputs;
        }
        return input == null || input.isBlank() ? List.of() : List.of(input);
    }

    /** The calibration frames, resolved against the job folder. */
    CalibrationFrames calibration(Path jobFolder) {
        return new CalibrationFrames(resolved(jobFolder, biases), resolved(jobFolder, darks), resolved(jobFolder, flats));
    }

    private static List<Path> resolved(Path jobFolder, List<String> names) {
        return names == null ? List.of() : names.stream().map(jobFolder::resolve).toList();
    }
}
