package org.fitsflow.routes.executor.docker;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientBuilder;
import com.github.dockerjava.netty.NettyDockerCmdExecFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The real Docker daemon the *DockerIT tests run against, and the gpu-worker image built from this
 * checkout's jar on the registry-free base image. Without a daemon (or without the base image), a
 * strict build fails and a developer build aborts the test, loudly either way: `.ci/docker-setup.sh`
 * provides both.
 */
final class DockerDaemon {
    static final String SOCKET = System.getProperty("fitsflow.docker.socket", "/var/run/docker.sock");
    static final String BASE_IMAGE = System.getProperty("fitsflow.docker.base-image", "fitsflow/jre-base:17");
    static final String TEST_IMAGE = "fitsflow/gpu-worker:it";

    private DockerDaemon() {
    }

    static DockerClient connect() {
        DockerClient client = DockerClientBuilder.getInstance(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix://" + SOCKET).build()).withDockerCmdExecFactory(new NettyDockerCmdExecFactory()).build();
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            unavailable("no Docker daemon answers on " + SOCKET + " (" + e.getMessage() + ")");
        }
        return client;
    }

    /** Builds the gpu-worker image from gpu-worker/target/gpu-worker.jar of this checkout. */
    static String buildWorkerImage(DockerClient client) {
        Path module = Path.of("..", "gpu-worker").toAbsolutePath().normalize();
        if (!Files.isRegularFile(module.resolve("target/gpu-worker.jar"))) {
            fail("gpu-worker/target/gpu-worker.jar is missing: build the gpu-worker module first (mvn -pl gpu-worker -am package)");
        }
        if (client.listImagesCmd().withImageNameFilter(BASE_IMAGE).exec().isEmpty()) {
            unavailable("the base image " + BASE_IMAGE + " is missing (gpu-worker/docker/build-base-image.sh makes it)");
        }
        client.buildImageCmd(module.toFile())
                .withBuildArg("BASE_IMAGE", BASE_IMAGE)
                .withNetworkMode("none")
                .withTags(Set.of(TEST_IMAGE))
                .exec(new BuildImageResultCallback())
                .awaitImageId();
        return TEST_IMAGE;
    }

    /** The containers of that job of the installation with that data folder. */
    static List<Container> containersOfJob(DockerClient client, Path dataDir, long jobId) {
        String prefix = ContainerNames.prefix(dataDir, jobId);
        return client.listContainersCmd().withShowAll(true).withNameFilter(List.of(prefix)).exec().stream()
                // the daemon's name filter matches anywhere in a name
                .filter(c -> Arrays.stream(c.getNames()).anyMatch(name -> name.startsWith("/" + prefix)))
                .toList();
    }

    private static void unavailable(String why) {
        if (Boolean.getBoolean("fitsflow.strict")) {
            fail("FAILED (strict): " + why + " - CI must run .ci/docker-setup.sh before mvn verify");
        }
        String message = "SKIPPED: " + why + " - run .ci/docker-setup.sh (CI does)";
        System.err.println(message);
        abort(message);
    }
}
