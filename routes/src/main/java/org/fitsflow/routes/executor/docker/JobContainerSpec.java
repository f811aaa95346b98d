package org.fitsflow.routes.executor.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.util.List;
import java.util.UUID;

/** The limits and mounts of a job container, as one docker-java {@link HostConfig}. */
public class JobContainerSpec {
    private static final long NANOS_PER_CPU = 1_000_000_000L;

    private final DockerExecutorSettings settings;

    public JobContainerSpec(DockerExecutorSettings settings) {
        this.settings = settings;
    }

    public String image() {
        return settings.image();
    }

    public String user() {
        return settings.user();
    }

    /** Unique per run, so that a leftover container of an earlier attempt never blocks the name. */
    public String containerName(ContainerRun run) {
        return run.namePrefix() + UUID.randomUUID().toString().substring(0, 8);
    }

    public HostConfig hostConfig(ContainerRun run) {
        long memory = settings.memory().toBytes();
        HostConfig config = HostConfig.newHostConfig()
                .withBinds(new Bind(run.hostJobDir().toString(), new Volume(ContainerJobFolder.MOUNT), AccessMode.rw))
                .withMemory(memory)
                // equal to the memory limit: no swap, so a job that needs more fails instead of crawling
                .withMemorySwap(memory)
                .withNanoCPUs((long) (settings.cpus() * NANOS_PER_CPU))
                .withNetworkMode("none")
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPidsLimit(512L);
        if (settings.requestsGpus()) {
            // what `docker run --gpus all` sends
            config.withDeviceRequests(List.of(new DeviceRequest().withCount(-1).withCapabilities(List.of(List.of("gpu")))));
        }
        return config;
    }
}
