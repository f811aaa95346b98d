/**
 * The REST API under {@code /api/process} and its answers: {@link org.fitsflow.routes.api.RestApiRoute} is the
 * Camel REST DSL, calling {@link org.fitsflow.routes.api.SessionApi}, {@link org.fitsflow.routes.api.JobApi},
 * {@link org.fitsflow.routes.api.PipelineApi} and {@link org.fitsflow.routes.api.TargetApi} (targets, their nights and
 * deep stacks, their frames); the upload and the event stream are Spring MVC controllers. The
 * answers are the {@code *View} records, errors {@link org.fitsflow.routes.api.ErrorBody}. First stop of an HTTP
 * upload on its way to a file row and a job.
 */
package org.fitsflow.routes.api;
