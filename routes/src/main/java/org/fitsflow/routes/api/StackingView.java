package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The stack of a target running now: which night, its job and how far it is. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StackingView(String night, long jobId, double progressPercent, String currentStep) {
}
