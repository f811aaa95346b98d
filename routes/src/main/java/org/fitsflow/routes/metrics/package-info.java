/**
 * The service's Prometheus metrics: jobs by end and run time ({@link org.fitsflow.routes.metrics.JobMetrics},
 * told by the store of each end), queue depth, inbox files taken and refused, upload bytes, the compute backend.
 * Beside the data flow: it watches, it decides nothing.
 */
package org.fitsflow.routes.metrics;
