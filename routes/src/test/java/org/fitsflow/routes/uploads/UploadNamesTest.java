package org.fitsflow.routes.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import org.fitsflow.routes.jobs.FitsFileName;
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

    @Test
    void fitsExtensionsAreRecognisedCaseInsensitively() {
        assertThat(FitsFileName.of("Stacked_1_M 42.FITS.gz")).isEqualTo(new FitsFileName("Stacked_1_M 42", ".fits.gz"));
        assertThat(FitsFileName.of("a.fts").extension()).isEqualTo(".fts");
        assertThat(FitsFileName.of("a.fit.fz").extension()).isEqualTo(".fit.fz");
        assertThat(FitsFileName.of("notes.txt").isFits()).isFalse();
        assertThat(FitsFileName.of("../../é ☃.fit").safeStem()).isEmpty();
        assertThat(FitsFileName.of("NGC 7023 (Iris).fit").safeStem()).isEqualTo("NGC_7023_Iris_");
        assertThat(FitsFileName.of("..hidden.fit").safeStem()).isEqualTo("hidden");
    }
}
