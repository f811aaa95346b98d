package org.fitsflow.routes.executor.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.routes.executor.docker.ContainerEnd.Cancelled;
import org.fitsflow.routes.executor.docker.ContainerEnd.Completed;
import org.fitsflow.routes.executor.docker.ContainerEnd.Failed;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobTicket;

/**
 * Decides a job's fate from its ended container: {@code result.json} is the authority when the program
 * wrote one; otherwise the container's state (exit code, out of memory, killed) gives the reason.
 */
public class ContainerEndReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIGKILL_EXIT = 137;

    private final DockerExecutorSettings settings;

    public ContainerEndReader(DockerExecutorSettings settings) {
        this.settings = settings;
    }

    public ContainerEnd read(ContainerRun run, ContainerExit end, InspectContainerResponse inspected) {
        ContainerState state = inspected.getState();
        long exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong();
        if (end == ContainerExit.CANCELLED) {
            return new Cancelled();
        }
        if (end == ContainerExit.TIMED_OUT) {
            return new Failed("timed out: the job ran longer than " + minutes() + " and its container was stopped", false);
        }
        if (Boolean.TRUE.equals(state.getOOMKilled())) {
            return new Failed("the job needed more than the container's " + settings.memory().toMegabytes()
                    + " MB of memory (its container was killed by the out-of-memory killer)", false);
        }
        Path resultFile = run.jobDir().resolve(ContainerJobFolder.RESULT_FILE);
        if (Files.isRegularFile(resultFile)) {
            try {
                return fromResult(run, JSON.readTree(resultFile.toFile()), exitCode);
            } catch (IOException e) {
                return new Failed("the job container left an unreadable result.json: " + e.getMessage(), true);
            }
        }
        return new Failed(withoutResult(run, exitCode), true);
    }

    private ContainerEnd fromResult(ContainerRun run, JsonNode result, long exitCode) {
        String status = result.path("status").asText("");
        switch (status) {
            case "complete" -> {
                List<String> outputs = new ArrayList<>();
                result.path("outputs").forEach(name -> outputs.add(name.asText()));
                Path outputsDir = run.jobDir().resolve(JobTicket.OUTPUT_FOLDER);
                for (String name : outputs) {
                    if (!Files.isRegularFile(outputsDir.resolve(name))) {
                        return new Failed("the job container reported output " + name + " but did not write it", true);
                    }
                }
                return new Completed(new JobOutcome(outputs, result.path("gpu_used").asBoolean(false),
                        result.path("backend").asText("cpu"),
                        result.path("measurements").isObject() ? result.get("measurements").toString() : "{}"));
            }
            case "failed" -> {
                return new Failed(result.path("error").asText("the job failed (exit code " + exitCode + ")"), false);
            }
            case "cancelled" -> {
                // stopped from outside (docker stop, a host shutdown), not by a cancel of ours
                return new Failed("the job container was stopped before it finished", true);
            }
            default -> {
                return new Failed("the job container left result.json with unknown status '" + status + "'", true);
            }
        }
    }

    private static String withoutResult(ContainerRun run, long exitCode) {
        if (exitCode == SIGKILL_EXIT) {
            return "the job container was killed (exit code 137) before it finished";
        }
        // a crash of the program itself: its last words say more than the exit code
        String reason = "the job container exited with code " + exitCode + " without a result";
        List<String> tail = run.errorTail();
        return tail.isEmpty() ? reason : reason + "; last output: " + tail.get(tail.size() - 1);
    }

    private String minutes() {
        long millis = settings.timeout().toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
