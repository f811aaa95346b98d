package org.fitsflow.routes.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.calibration.CalibrationFrames;
import org.fitsflow.processors.pipeline.PipelineDefinition;

/**
 * Everything a worker needs to run one job without the database: the job folder (relative to the data
 * folder, which every worker host mounts), the inputs staged inside it, the full pipeline and the output
 * names. The application writes it; workers on any host, and containers, read it.
 *
 * @param jobId      the job's row id (progress and results are reported under it)
 * @param jobFolder  the job folder relative to the data folder, e.g. {@code jobs/42}
 * @param inputNames the inputs' file names inside {@code <jobFolder>/input/}: one, or the subs of a
 *                   pipeline over a set of subs ({@code subs: analyze} or {@code subs: stack}); absolute
 *                   paths instead where the job runs in this process on its inputs where they are
 * @param pipeline   the full pipeline definition, so that workers need no pipeline catalogue
 * @param outputStem outputs are named {@code <outputStem>.<ext>}
 * @param biasNames  the session's bias frames calibrating a set of subs, named as {@code inputNames} are;
 *                   empty (or absent in an older ticket) when the set has none
 * @param darkNames  its dark frames, likewise
 * @param flatNames  its flat frames, likewise
 */
public record JobTicket(long jobId, String jobFolder, List<String> inputNames, PipelineDefinition pipeline, String outputStem,
                        List<String> biasNames, List<String> darkNames, List<String> flatNames) {
    public static final String INPUT_FOLDER = "input";
    public static final String OUTPUT_FOLDER = "outputs";

    public JobTicket {
        inputNames = List.copyOf(inputNames);
        biasNames = biasNames == null ? List.of() : List.copyOf(biasNames);
        darkNames = darkNames == null ? List.of() : List.copyOf(darkNames);
        flatNames = flatNames == null ? List.of() : List.copyOf(flatNames);
        if (inputNames.isEmpty()) {
            throw new IllegalArgumentException("job " + jobId + " has no input file");
        }
    }

    /** A ticket without calibration frames. */
    public JobTicket(long jobId, String jobFolder, List<String> inputNames, PipelineDefinition pipeline, String outputStem) {
        this(jobId, jobFolder, inputNames, pipeline, outputStem, List.of(), List.of(), List.of());
    }

    public Path jobDir(Path dataDir) {
        return dataDir.resolve(jobFolder);
    }

    public List<Path> inputs(Path dataDir) {
        return resolved(dataDir, inputNames);
    }

    public CalibrationFrames calibration(Path dataDir) {
        return new CalibrationFrames(resolved(dataDir, biasNames), resolved(dataDir, darkNames), resolved(dataDir, flatNames));
    }

    /** Every file the job reads, inputs then calibration frames, as named inside the input folder. */
    public List<String> stagedNames() {
        List<String> names = new ArrayList<>(inputNames);
        names.addAll(biasNames);
        names.addAll(darkNames);
        names.addAll(flatNames);
        return names;
    }

    private List<Path> resolved(Path dataDir, List<String> names) {
        Path folder = jobDir(dataDir).resolve(INPUT_FOLDER);
        return names.stream().map(folder::resolve).toList();
    }

    public Path outputsDir(Path dataDir) {
        return jobDir(dataDir).resolve(OUTPUT_FOLDER);
    }
}
