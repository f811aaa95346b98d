package org.fitsflow.routes.executor.docker;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How job containers are started ({@code fitsflow.docker.*}).
 *
 * @param image       the gpu-worker image
 * @param socket      the Docker daemon's unix socket
 * @param gpus        {@code all} requests every GPU for each container (NVIDIA Container Toolkit), {@code none} none
 * @param memory      memory limit of a container (swap is not allowed beyond it)
 * @param cpus        CPU limit of a container
 * @param user        uid:gid the container runs as (never root)
 * @param timeout     a job running longer is stopped and fails
 * @param hostDataDir the data folder as the Docker daemon sees it, when the service itself runs in a
 *                    container with the folder mounted elsewhere; default: the service's data folder
 */
@ConfigurationProperties("fitsflow.docker")
public record DockerExecutorSettings(String image, String socket, String gpus, DataSize memory, double cpus,
                                     String user, Duration timeout, Path hostDataDir) {
    public DockerExecutorSettings {
        image = image == null || image.isBlank() ? "fitsflow/gpu-worker:latest" : image;
        socket = socket == null || socket.isBlank() ? "/var/run/docker.sock" : socket;
        gpus = gpus == null || gpus.isBlank() ? "none" : gpus;
        memory = memory == null ? DataSize.ofGigabytes(4) : memory;
        cpus = cpus <= 0 ? 2.0 : cpus;
        user = user == null || user.isBlank() ? "10001:10001" : user;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        if (!gpus.equals("all") && !gpus.equals("none")) {
            throw new IllegalArgumentException("fitsflow.docker.gpus must be 'all' or 'none', got '" + gpus + "'");
        }
        if (user.startsWith("0:") || user.equals("0") || user.equals("root")) {
            throw new IllegalArgumentException("fitsflow.docker.user must not be root, got '" + user + "'");
        }
    }

    public boolean requestsGpus() {
        return gpus.equals("all");
    }
}
