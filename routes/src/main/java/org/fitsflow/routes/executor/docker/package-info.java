/**
 * {@code fitsflow.executor=docker}: one container of the gpu-worker image per job.
 * {@link org.fitsflow.routes.executor.docker.DockerExecutor} sends a {@link org.fitsflow.routes.executor.docker.ContainerRun}
 * through {@link org.fitsflow.routes.executor.docker.DockerJobRoute} (create, start, follow, stop, inspect, remove)
 * and turns its {@link org.fitsflow.routes.executor.docker.ContainerEnd} into the job's outcome or failure.
 * The container reads the ticket as {@code job.json} and writes {@code result.json}.
 */
package org.fitsflow.routes.executor.docker;
