/**
 * The gpu-worker program, {@link org.fitsflow.worker.WorkerMain}: in a container it runs one job
 * ({@link org.fitsflow.worker.ContainerJob}: the ticket in {@code job.json}, progress lines on stdout, the
 * outputs and {@code result.json}), and by hand it processes files ({@link org.fitsflow.worker.ProcessCommand}).
 * Both run pipelines through {@code processors}' {@code Processing.run}; the service's Docker executor starts it.
 */
package org.fitsflow.worker;
