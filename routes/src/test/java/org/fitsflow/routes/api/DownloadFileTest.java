package org.fitsflow.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DownloadFileTest {
    @Test
    void theFileNameIsOfferedAsAsciiAndExactly() {
        DownloadFile file = new DownloadFile(Path.of("x"), "image/jpeg", "Stacked_12_Ирис \"M 42\".quick_dso.jpg");
        assertThat(file.contentDisposition()).isEqualTo("attachment; filename=\"Stacked_12_____ _M 42_.quick_dso.jpg\"; "
                + "filename*=UTF-8''Stacked_12_%D0%98%D1%80%D0%B8%D1%81%20%22M%2042%22.quick_dso.jpg");
        assertThat(new DownloadFile(Path.of("x"), "image/jpeg", "a.quick_dso.jpg").contentDisposition())
                .startsWith("attachment; filename=\"a.quick_dso.jpg\"");
    }
}
