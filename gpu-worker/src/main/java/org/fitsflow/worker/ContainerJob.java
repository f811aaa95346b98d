package org.fitsflow.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.fitsflow.processors.Processing;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.fits.FitsFileName;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * The per-job container program: reads {@code job.json}, runs its pipeline over its inputs
 * ({@link Processing}), prints progress as JSON lines, writes outputs to
 * {@code <job folder>/outputs/} and the outcome to {@code <job folder>/result.json}.
 */
final class ContainerJob {
    static final String OUTPUTS = "outputs";
    static final String RESULT = "result.json";

    private final ComputeBackend backend;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = JobJson.mapper();

    ContainerJob(ComputeBackend backend, PrintStream out, PrintStream err) {
        this.backend = backend;
        this.out = out;
        this.err = err;
    }

    /** @return the exit code: 0 when complete, 1 otherwise */
    int run(Path jobFile) {
        Path jobFolder = jobFile.toAbsolutePath().getParent();
        JobResult result = process(jobFile, jobFolder);
        try {
            writeResult(jobFolder, result);
        } catch (IOException e) {
            err.println("cannot write " + RESULT + ": " + FailureReason.of(e));
            return 1;
        }
        return result.status() == JobStatus.COMPLETE ? 0 : 1;
    }

    private JobResult process(Path jobFile, Path jobFolder) {
        String jobId = null;
        try {
            JobRequest request = readRequest(jobFile);
            jobId = request.jobId();
            PipelineDefinition pipeline = new PipelineLoader().fromMap(request.pipeline());
            List<Path> inputs = request.allInputs().stream().map(jobFolder::resolve).toList();
            String stem = request.outputStem() != null ? request.outputStem()
                    : FitsFileName.of(inputs.get(0)).stem() + "." + pipeline.name();
            Path outputs = jobFolder.resolve(OUTPUTS);
            ProgressListener progress = (percent, step) -> out.println(line(ProgressLine.of(percent, step)));
            PipelineResult result = Processing.run(pipeline, inputs, outputs, stem, backend, progress);
            return JobResult.complete(jobId, result);
        } catch (PipelineCancelledException e) {
            return JobResult.ended(jobId, JobStatus.CANCELLED, backend.name(), "cancelled");
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return JobResult.ended(jobId, JobStatus.FAILED, backend.name(), FailureReason.of(e));
        }
    }

    private JobRequest readRequest(Path jobFile) throws IOException {
        if (!Files.isRegularFile(jobFile)) {
            throw new NoSuchFileException(jobFile.toString());
        }
        JobRequest request;
        try {
            request = json.readValue(jobFile.toFile(), JobRequest.class);
        } catch (JsonProcessingException e) {
            throw new IOException("job file " + jobFile.getFileName() + " cannot be read: " + e.getOriginalMessage());
        }
        if (request == null) {
            throw new IOException("job file " + jobFile.getFileName() + " is empty");
        }
        if (request.allInputs().isEmpty()) {
            throw new IOException("job file " + jobFile.getFileName() + " names no input");
        }
        if (request.pipeline() == null) {
            throw new IOException("job file " + jobFile.getFileName() + " has no pipeline");
        }
        return request;
    }

    private void writeResult(Path jobFolder, JobResult result) throws IOException {
        Path temp = jobFolder.resolve("." + RESULT + ".part");
        json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), result);
        Files.move(temp, jobFolder.resolve(RESULT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private String line(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
