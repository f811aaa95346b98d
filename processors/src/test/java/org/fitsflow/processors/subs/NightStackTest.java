package org.fitsflow.processors.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The built-in night_stack on the four real M 94 subs of the shared data and one file that is not FITS: one run
 * writes the processed night, its master and the quality report of the subs as the stack measured them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightStackTest {
    private static final String STEM = "M 94 2025-03-26 4x10s";
    private final CpuBackend cpu = new CpuBackend();
    @TempDir
    static Path out;
    private List<Path> subs;
    private PipelineResult result;
    private final List<Double> progress = new ArrayList<>();

    @BeforeAll
    void stackTheNight() throws IOException {
        subs = new ArrayList<>(SeestarSubs.all().stream().filter(f -> f.getFileName().toString().startsWith("Light_M_94"))
                .toList());
        subs.add(Files.writeString(out.resolve("Light_broken.fit"), "not a FITS file at all"));
        result = new SubsetProcessor(cpu).run(subs, PipelineLibrary.builtIn("night_stack"), out.resolve("night"), STEM,
                (percent, step) -> progress.add(percent));
    }

    @Test
    void writesThePictureTheMasterAndTheReportUnderTheNightsStem() throws IOException {
        assertThat(result.outputs()).extracting(p -> p.getFileName().toString()).containsExactly(STEM + ".jpg",
                STEM + ".fits", STEM + ".quality.json", STEM + ".quality.csv", STEM + ".quality.png");
        assertThat(result.thumbnails()).extracting(t -> t.file().getFileName().toString())
                .containsExactly(STEM + ".320.jpg", STEM + ".1080.jpg");
        try (Stream<Path> left = Files.list(out.resolve("night"))) {
            // nothing else: no work folder, no coverage or rejection maps
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(STEM + ".jpg",
                    STEM + ".fits", STEM + ".quality.json", STEM + ".quality.csv", STEM + ".quality.png", "thumbnails");
        }
        BufferedImage picture = ImageIO.read(out.resolve("night/" + STEM + ".jpg").toFile());
        Image master = FitsReader.read(out.resolve("night/" + STEM + ".fits"));
        assertThat(picture.getWidth()).isEqualTo(master.width());
        assertThat(master.channels()).isEqualTo(3);
        assertThat(master.header().summary().bitpix()).isEqualTo(-32);
        assertThat(progress).isSortedAccordingTo(Double::compare);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(100.0);
    }

    @Test
    void measurementsCarryWhatANightNeedsWithoutReadingAFile() throws IOException {
        Map<String, Object> m = result.measurements();
        long stacked = (Long) m.get("stacked");
        assertThat(m).containsEntry("subs", 5);
        assertThat(stacked).isBetween(3L, 4L);
        assertThat((List<?>) m.get("flagged_subs")).hasSizeGreaterThanOrEqualTo(1)
                .anySatisfy(f -> assertThat((String) f).startsWith("Light_broken.fit: unreadable: "));
        assertThat(m.get("flagged")).isEqualTo((long) ((List<?>) m.get("flagged_subs")).size());
        // Seestar S50 subs: 2 to 4 px stars at 2.39 arcsec per pixel
        assertThat((Double) m.get("median_fwhm_px")).isBetween(1.5, 4.5);
        assertThat((Double) m.get("median_fwhm_arcsec")).isCloseTo(2.3927 * (Double) m.get("median_fwhm_px"), within(0.01));
        assertThat(m).containsEntry("total_exposure_seconds", 10.0 * stacked);

        Image master = FitsReader.read(out.resolve("night/" + STEM + ".fits"));
        assertThat(master.header().summary().stackCount()).isEqualTo((int) stacked);
        assertThat(master.header().doubleValue("TOTALEXP")).contains(10.0 * stacked);
        assertThat(master.header().doubleValue("LIVETIME")).contains(10.0 * stacked);
        assertThat(master.header().stringValue("DATE-OBS")).hasValueSatisfying(d -> assertThat(d).startsWith("2025-03-2"));
        assertThat(master.header().stringValue("DATE-END")).isPresent();
    }

    @Test
    void theReportHasARowPerSubAndFlagsWhatTheStackLeftOut() throws IOException {
        List<String> csv = Files.readAllLines(out.resolve("night/" + STEM + ".quality.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(1 + subs.size());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) new Yaml()
                .<Map<String, Object>>load(Files.readString(out.resolve("night/" + STEM + ".quality.json"))).get("subs");
        assertThat(rows).hasSize(subs.size());
        Image master = FitsReader.read(out.resolve("night/" + STEM + ".fits"));
        List<String> history = master.header().cards().stream().filter(c -> c.keyword().equals("HISTORY"))
                .map(c -> c.comment() != null ? c.comment() : c.value()).map(String::strip).toList();
        for (Object flagged : (List<?>) result.measurements().get("flagged_subs")) {
            String file = ((String) flagged).substring(0, ((String) flagged).indexOf(':'));
            assertThat(history).anyMatch(line -> line.startsWith("left out " + file + ":"));
        }
        BufferedImage plot = ImageIO.read(out.resolve("night/" + STEM + ".quality.png").toFile());
        assertThat(plot.getWidth()).isEqualTo(1000);
    }

    @Test
    void theReportFromTheStacksMeasurementsAgreesWithAnalyzeSubs() throws IOException {
        PipelineResult analyzed = new SubsetProcessor(cpu).run(subs, PipelineLibrary.builtIn("analyze_subs"),
                out.resolve("analyzed"), "m94", ProgressListener.NONE);

        // The same subs flagged; the stack measures on its own debayer's green plane, so FWHM agrees within 10 %.
        assertThat(result.measurements().get("flagged_subs")).isEqualTo(analyzed.measurements().get("flagged_subs"));
        double fwhm = (Double) analyzed.measurements().get("median_fwhm_px");
        assertThat((Double) result.measurements().get("median_fwhm_px")).isCloseTo(fwhm, within(0.1 * fwhm));
    }
}
