package org.fitsflow.routes.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes containers an earlier attempt of the same job left running (its service or worker died, or
 * lost the job to another worker), so that two containers never write into one job folder.
 */
public class LeftoverContainers {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverContainers.class);

    private final DockerClient docker;

    public LeftoverContainers(DockerClient docker) {
        this.docker = docker;
    }

    public void remove(ContainerRun run) {
        String prefix = run.namePrefix();
        List<Container> leftovers = docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(prefix)).exec();
        for (Container container : leftovers) {
            // the daemon's name filter matches anywhere in a name; only names that start with the prefix are ours
            boolean ours = container.getNames() != null && List.of(container.getNames()).stream()
                    .anyMatch(name -> name.startsWith("/" + prefix));
            if (!ours) {
                continue;
            }
            LOG.warn("Job {}: removing container {} left by an earlier attempt", run.ticket().jobId(), container.getId());
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).exec();
            } catch (NotFoundException e) {
                // gone meanwhile
            }
        }
    }
}
