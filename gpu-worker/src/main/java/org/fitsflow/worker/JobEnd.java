package org.fitsflow.worker;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a job ended (its end: complete, failed or cancelled), as written in {@code result.json}. */
public enum JobEnd {
    @JsonProperty("complete") COMPLETE,
    @JsonProperty("failed") FAILED,
    /** Stopped from outside (SIGTERM, e.g. {@code docker stop}); no outputs are left behind. */
    @JsonProperty("cancelled") CANCELLED
}
