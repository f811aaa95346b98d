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
import java.util.Optional;
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
        OutcomeFile outcome = process(jobFile, jobFolder);
        try {
            writeOutcome(jobFolder, outcome);
        } catch (IOException e) {
            err.println("cannot write " + RESULT + ": " + FailureReason.of(e));
            return 1;
        }
        return outcome.status() == JobEnd.COMPLETE ? 0 : 1;
    }

    private OutcomeFile process(Path jobFile, Path jobFolder) {
        String jobId = null;
        try {
            TicketFile ticket = readTicket(jobFile);
            jobId = ticket.jobId();
            PipelineDefinition pipeline = new PipelineLoader().fromMap(ticket.pipeline());
            List<Path> inputs = ticket.allInputs().stream().map(jobFolder::resolve).toList();
            String stem = ticket.outputStem() != null ? ticket.outputStem()
                    : FitsFileName.of(inputs.get(0)).stem() + "." + pipeline.name();
            Path outputs = jobFolder.resolve(OUTPUTS);
            ProgressListener progress = (percent, step) -> out.println(line(ProgressLine.of(percent, step)));
            PipelineResult result = Processing.run(pipeline, inputs, ticket.calibration(jobFolder), input -> Optional.empty(),
                    outputs, stem, backend, progress);
            return OutcomeFile.complete(jobId, result);
        } catch (PipelineCancelledException e) {
            return OutcomeFile.ended(jobId, JobEnd.CANCELLED, backend.name(), "cancelled");
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return OutcomeFile.ended(jobId, JobEnd.FAILED, backend.name(), FailureReason.of(e));
        }
    }

    private TicketFile readTicket(Path jobFile) throws IOException {
        if (!Files.isRegularFile(jobFile)) {
            throw new NoSuchFileException(jobFile.toString());
        }
        TicketFile ticket;
        try {
            ticket = json.readValue(jobFile.toFile(), TicketFile.class);
        } catch (JsonProcessingException e) {
            throw new IOException("job file " + jobFile.getFileName() + " cannot be read: " + e.getOriginalMessage());
        }
        if (ticket == null) {
            throw new IOException("job file " + jobFile.getFileName() + " is empty");
        }
        if (ticket.allInputs().isEmpty()) {
            throw new IOException("job file " + jobFile.getFileName() + " names no input");
        }
        if (ticket.pipeline() == null) {
            throw new IOException("job file " + jobFile.getFileName() + " has no pipeline");
        }
        return ticket;
    }

    private void writeOutcome(Path jobFolder, OutcomeFile outcome) throws IOException {
        Path temp = jobFolder.resolve("." + RESULT + ".part");
        json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), outcome);
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
