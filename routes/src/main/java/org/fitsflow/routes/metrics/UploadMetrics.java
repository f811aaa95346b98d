package org.fitsflow.routes.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Bytes of the uploads accepted and stored ({@code fitsflow_upload_bytes_total}); refused uploads are not counted. */
@Component
public class UploadMetrics {
    private final Counter bytes;

    public UploadMetrics(MeterRegistry registry) {
        this.bytes = Counter.builder("fitsflow.upload.bytes").baseUnit("bytes")
                .description("Bytes of the uploaded files that were accepted").register(registry);
    }

    public void stored(long sizeBytes) {
        bytes.increment(sizeBytes);
    }
}
