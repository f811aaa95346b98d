package org.fitsflow.routes.executor.docker;

import java.nio.file.Path;

/**
 * Names of job containers: {@code fitsflow-<installation>-job-<id>-<random>}. The installation tag comes
 * from the data folder, so that two installations (or test runs) on one Docker daemon, whose job ids
 * overlap, never take each other's containers for leftovers.
 */
public final class ContainerNames {
    private ContainerNames() {
    }

    public static String prefix(Path hostDataDir, long jobId) {
        String tag = String.format("%08x", hostDataDir.toAbsolutePath().normalize().toString().hashCode());
        return "fitsflow-" + tag + "-job-" + jobId + "-";
    }
}
