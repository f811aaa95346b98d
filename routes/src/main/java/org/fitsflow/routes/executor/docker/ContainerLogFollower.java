package org.fitsflow.routes.executor.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a running container's output until it ends, the timeout passes or the calling thread is
 * interrupted. stdout's JSON progress lines go to the job's progress listener; the last stderr lines are
 * kept, to explain a container that died without a result.
 */
public class ContainerLogFollower {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerLogFollower.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_ERROR_LINES = 5;

    private final DockerClient docker;
    private final Duration timeout;

    public ContainerLogFollower(DockerClient docker, Duration timeout) {
        this.docker = docker;
        this.timeout = timeout;
    }

    public ContainerExit follow(ContainerRun run, String containerId) {
        Lines lines = new Lines(run);
        try (ResultCallback.Adapter<Frame> callback = docker.logContainerCmd(containerId)
                .withFollowStream(true).withStdOut(true).withStdErr(true)
                .exec(lines)) {
            boolean ended = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return ended ? ContainerExit.EXITED : ContainerExit.TIMED_OUT;
        } catch (InterruptedException e) {
            // spent here: the route still has to stop, inspect and remove the container
            return ContainerExit.CANCELLED;
        } catch (IOException e) {
            LOG.debug("Job {}: closing the log stream: {}", run.ticket().jobId(), e.getMessage());
            return ContainerExit.EXITED;
        } finally {
            run.errorTail().addAll(lines.errors);
        }
    }

    /** Splits the frames into lines (a frame may end mid-line) and hands them on. */
    private static final class Lines extends ResultCallback.Adapter<Frame> {
        private final ContainerRun run;
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();
        private final Deque<String> errors = new ArrayDeque<>();

        Lines(ContainerRun run) {
            this.run = run;
        }

        @Override
        public void onNext(Frame frame) {
            boolean stdout = frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW;
            StringBuilder buffer = stdout ? out : err;
            buffer.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            int newline;
            while ((newline = buffer.indexOf("\n")) >= 0) {
                String line = buffer.substring(0, newline).strip();
                buffer.delete(0, newline + 1);
                if (stdout) {
                    progress(line);
                } else {
                    error(line);
                }
            }
        }

        private void progress(String line) {
            if (!line.startsWith("{")) {
                return;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if ("progress".equals(node.path("type").asText())) {
                    ProgressListener listener = run.progress();
                    listener.onProgress(node.path("percent").asDouble(), node.path("step").asText());
                }
            } catch (IOException e) {
                LOG.debug("Job {}: not a progress line: {}", run.ticket().jobId(), line);
            }
        }

        private void error(String line) {
            if (line.isEmpty()) {
                return;
            }
            LOG.debug("Job {} stderr: {}", run.ticket().jobId(), line);
            errors.addLast(line);
            if (errors.size() > KEPT_ERROR_LINES) {
                errors.removeFirst();
            }
        }
    }
}
