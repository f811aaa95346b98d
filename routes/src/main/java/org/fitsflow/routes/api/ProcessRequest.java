package org.fitsflow.routes.api;

/** {@code {"pipeline_name": "..."}} */
public record ProcessRequest(String pipelineName) {
}
