package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitsExporterTest {
    private static final Path FRAME = Path.of(System.getProperty("fitsflow.shared"), "data", "frames", "seestar-rgb-ngc7023.fit");

    @TempDir
    Path dir;

    @Test
    void roundTripsPixelsHeaderAndHistory() throws Exception {
        Image original = FitsReader.read(FRAME);
        Path file = dir.resolve("frame.fits");

        new FitsExporter().write(original, file, List.of("FitsFlow pipeline export_fits", "histogram_stretch mode=unlinked"));

        Image back = FitsReader.read(file);
        assertThat(back.width()).isEqualTo(original.width());
        assertThat(back.height()).isEqualTo(original.height());
        assertThat(back.channels()).isEqualTo(3);
        for (int c = 0; c < 3; c++) {
            assertThat(back.plane(c)).isEqualTo(original.plane(c));
        }
        assertThat(back.header().summary().bitpix()).isEqualTo(-32);
        assertThat(back.header().summary().object()).isEqualTo(original.header().summary().object());
        assertThat(back.header().cards().stream().filter(card -> card.keyword().equals("HISTORY")).map(HeaderCard::comment))
                .containsSubsequence("FitsFlow pipeline export_fits", "histogram_stretch mode=unlinked");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("frame.fits");
        }
    }
}
