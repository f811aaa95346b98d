package org.fitsflow.routes.jobs;

import java.nio.file.Path;
import java.util.List;
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
 */
public record JobTicket(long jobId, String jobFolder, List<String> inputNames, PipelineDefinition pipeline, String outputStem) {
    public static final String INPUT_FOLDER = "input";
    public static final String OUTPUT_FOLDER = "outputs";

    public JobTicket {
        inputNames = List.copyOf(inputNames);
        if (inputNames.isEmpty()) {
            throw new IllegalArgumentException("job " + jobId + " has no input file");
        }
    }

    public Path jobDir(Path dataDir) {
        return dataDir.resolve(jobFolder);
    }

    public List<Path> inputs(Path dataDir) {
        Path folder = jobDir(dataDir).resolve(INPUT_FOLDER);
        return inputNames.stream().map(folder::resolve).toList();
    }

    public Path outputsDir(Path dataDir) {
        return jobDir(dataDir).resolve(OUTPUT_FOLDER);
    }
}
