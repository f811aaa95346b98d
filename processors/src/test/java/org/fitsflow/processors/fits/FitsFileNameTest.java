package org.fitsflow.processors.fits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FitsFileNameTest {
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

    @Test
    void aPathIsNamedByItsLastElement() {
        assertThat(FitsFileName.of(Path.of("M 94_sub", "Light_M 94_10.0s_IRCUT_20250326-212046.fit")).stem())
                .isEqualTo("Light_M 94_10.0s_IRCUT_20250326-212046");
    }
}
