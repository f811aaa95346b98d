package org.fitsflow.worker;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a job ended, as written in {@code result.json}. */
public enum JobStatus {
    @JsonProperty("complete") COMPLETE,
    @JsonProperty("failed") FAILED,
    /** Stopped from outside (SIGTERM, e.g. {@code docker stop}); no outputs are left behind. */
    @JsonProperty("cancelled") CANCELLED
}
