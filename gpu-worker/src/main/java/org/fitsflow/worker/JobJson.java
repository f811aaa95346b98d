package org.fitsflow.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** The JSON dialect of job.json, result.json and progress lines: snake_case names, unknown fields ignored. */
final class JobJson {
    private JobJson() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // A newer application may add fields; an older worker image must still run the job.
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
