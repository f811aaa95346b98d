package org.fitsflow.processors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottledProgressTest {

    @Test
    void passesOnOneReportPerWholePercentAndEveryNewStep() {
        List<String> seen = new ArrayList<>();
        ProgressListener throttled = new ThrottledProgress((percent, step) -> seen.add(percent + " " + step));

        throttled.onProgress(10.0, "histogram_stretch");
        throttled.onProgress(10.4, "histogram_stretch");
        throttled.onProgress(10.9, "histogram_stretch");
        throttled.onProgress(10.9, "export_jpeg");
        throttled.onProgress(11.2, "export_jpeg");

        assertThat(seen).containsExactly("10.0 histogram_stretch", "10.9 export_jpeg", "11.2 export_jpeg");
    }
}
