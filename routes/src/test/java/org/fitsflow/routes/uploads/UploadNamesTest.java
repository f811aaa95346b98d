package org.fitsflow.routes.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadNamesTest {
    @Test
    void theClientNameIsReducedToASafeLastElement() {
        assertThat(UploadService.originalName("../../x.fit")).isEqualTo("x.fit");
        assertThat(UploadService.originalName("C:\\Users\\me\\m42.fits")).isEqualTo("m42.fits");
        assertThat(UploadService.originalName("a\u0000b\u0007.fit")).isEqualTo("ab.fit");
        assertThat(UploadService.originalName("/")).isEqualTo("upload.fit");
        assertThat(UploadService.originalName(null)).isEqualTo("upload.fit");
        assertThat(UploadService.originalName("x".repeat(1000) + ".fits.gz")).hasSize(255).endsWith(".fits.gz");
    }
}
