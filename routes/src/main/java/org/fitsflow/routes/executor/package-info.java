/**
 * Executors, where a job's pipeline runs ({@code fitsflow.executor}): {@link org.fitsflow.routes.executor.LocalExecutor}
 * runs it in the worker's own process through {@code processors}' {@code Processing.run}, on the compute backend
 * of {@link org.fitsflow.routes.executor.ComputeConfiguration}; {@code executor.docker} runs it in a container.
 * Between a worker, which hands them a ticket, and the job's outputs folder.
 */
package org.fitsflow.routes.executor;
