package org.fitsflow.worker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.Processing;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.fits.FitsFileName;
import org.fitsflow.processors.pipeline.LoadedPipeline;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * {@code process IN.fit [IN2.fit ...] --pipeline NAME --out DIR [--pipelines-dir DIR]}: processes files with
 * a named pipeline (built-in, or from the pipelines folder, {@code ./config/pipelines} unless given) and
 * prints where the outputs went. A pipeline over one file runs on each file in turn,
 * its outputs named {@code <input stem>.<pipeline>.<ext>} like the outbox; a pipeline over a set of subs
 * ({@code subs: analyze | stack}) runs once over all of them, named after their folder.
 */
final class ProcessCommand {
    static final String USAGE = "usage: process IN.fit [IN2.fit ...] --pipeline NAME --out DIR [--pipelines-dir DIR]";

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
            Map<String, LoadedPipeline> pipelines = new PipelineLibrary(new PipelineLoader()).load(arguments.pipelinesDir(),
                    (file, reason) -> err.println("warning: pipeline file " + file + " is left out: " + reason));
            LoadedPipeline chosen = pipelines.get(arguments.pipeline());
            if (chosen == null) {
                err.println("error: unknown pipeline '" + arguments.pipeline() + "'; known: "
                        + String.join(", ", pipelines.keySet()));
                return 1;
            }
            for (Path input : arguments.inputs()) {
                if (!Files.isRegularFile(input)) {
                    err.println("error: input not found: " + input);
                    return 1;
                }
            }
            err.println("pipeline " + chosen.describe());
            PipelineDefinition pipeline = chosen.definition();
            ProgressListener progress = (percent, step) -> err.printf("%5.1f%% %s%n", percent, step);
            if (pipeline.overSubs()) {
                report(Processing.run(pipeline, arguments.inputs(), arguments.out(),
                        setStem(arguments.inputs()) + "." + pipeline.name(), backend, progress));
                return 0;
            }
            // a pipeline over one file runs on each file in turn, as a session makes one job per file
            int failed = 0;
            for (Path input : arguments.inputs()) {
                try {
                    report(Processing.run(pipeline, List.of(input), arguments.out(),
                            FitsFileName.of(input).stem() + "." + pipeline.name(), backend, progress));
                } catch (PipelineCancelledException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    if (arguments.inputs().size() == 1) {
                        throw e;
                    }
                    // one bad file among several: say which, and go on with the others
                    err.println("error: " + input + ": " + FailureReason.of(e));
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        } catch (PipelineCancelledException e) {
            err.println("error: cancelled");
            return 1;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            err.println("error: " + FailureReason.of(e));
            return 1;
        }
    }

    private void report(PipelineResult result) {
        for (Path output : result.outputs()) {
            out.println(output);
        }
        err.println("done on " + result.backend() + (result.gpuUsed() ? " (GPU)" : ""));
    }

    /** One file: its own stem; several: the folder they are in (a Seestar night's {@code <target>_sub}). */
    private static String setStem(List<Path> inputs) {
        Path folder = inputs.get(0).toAbsolutePath().getParent();
        return inputs.size() == 1 || folder == null || folder.getFileName() == null
                ? FitsFileName.of(inputs.get(0)).stem() : folder.getFileName().toString();
    }
}
