package org.fitsflow.worker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.PipelineRunner;

/**
 * {@code process IN.fit --pipeline NAME --out DIR [--pipelines-dir DIR]}: processes one file with a
 * named preset and prints where the outputs went, named {@code <input stem>.<pipeline>.<ext>} like the outbox.
 */
final class ProcessCommand {
    static final String USAGE = "usage: process IN.fit --pipeline NAME --out DIR [--pipelines-dir config/pipelines]";

    private final ComputeBackend backend;
    private final PrintStream out;
    private final PrintStream err;

    ProcessCommand(ComputeBackend backend, PrintStream out, PrintStream err) {
        this.backend = backend;
        this.out = out;
        this.err = err;
    }

    /** @return the exit code: 0 done, 1 the input or pipeline could not be processed, 2 bad arguments */
    int run(ProcessArguments arguments) {
        try {
            Map<String, PipelineDefinition> pipelines = loadPipelines(arguments.pipelinesDir());
            PipelineDefinition pipeline = pipelines.get(arguments.pipeline());
            if (pipeline == null) {
                err.println("error: unknown pipeline '" + arguments.pipeline() + "'; known: "
                        + String.join(", ", pipelines.keySet()));
                return 1;
            }
            if (!Files.isRegularFile(arguments.input())) {
                err.println("error: input not found: " + arguments.input());
                return 1;
            }
            String stem = InputNames.stem(arguments.input()) + "." + pipeline.name();
            PipelineResult result = new PipelineRunner(backend).run(arguments.input(), pipeline, arguments.out(), stem,
                    (percent, step) -> err.printf("%5.1f%% %s%n", percent, step));
            for (Path output : result.outputs()) {
                out.println(output);
            }
            err.println("done on " + result.backend() + (result.gpuUsed() ? " (GPU)" : ""));
            return 0;
        } catch (PipelineCancelledException e) {
            err.println("error: cancelled");
            return 1;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            err.println("error: " + FailureReason.of(e));
            return 1;
        }
    }

    private static Map<String, PipelineDefinition> loadPipelines(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("pipelines folder " + folder + " not found; run from the repository root or pass --pipelines-dir");
        }
        return new PipelineLoader().loadDirectory(folder);
    }
}
