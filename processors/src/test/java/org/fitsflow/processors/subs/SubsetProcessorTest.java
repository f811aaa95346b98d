package org.fitsflow.processors.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.PipelineRunner;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The shipped multi-file presets and full_dso on the shared subs, through the entry the routes call. */
class SubsetProcessorTest {
    private static final Path BUILT_IN = Path.of("src/main/resources/org/fitsflow/processors/pipeline/builtin");
    private final CpuBackend cpu = new CpuBackend();
    private final PipelineLoader loader = new PipelineLoader();
    private final SubsetProcessor processor = new SubsetProcessor(cpu);
    @TempDir
    Path out;

    @Test
    void analyzeSubsWritesJsonCsvAndPlotWithARowPerSub() throws IOException {
        List<Path> files = new ArrayList<>(SeestarSubs.all());
        Path broken = Files.writeString(out.resolve("Light_broken.fit"), "not a FITS file at all");
        files.add(broken);
        List<Double> progress = new ArrayList<>();

        PipelineResult result = processor.run(files, PipelineLibrary.builtIn("analyze_subs"), out.resolve("report"),
                "night", (percent, step) -> progress.add(percent));

        assertThat(result.outputs()).extracting(p -> p.getFileName().toString())
                .containsExactly("night.json", "night.csv", "night.png");
        List<String> csv = Files.readAllLines(out.resolve("report/night.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(1 + 9);
        assertThat(csv.get(0)).isEqualTo("file,date_obs,exposure_s,star_count,fwhm_px,fwhm_arcsec,roundness,background,noise,flagged,reason");
        String ngc = csv.stream().filter(l -> l.startsWith("Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit")).findFirst().orElseThrow();
        String[] cells = ngc.split(",");
        assertThat(cells[1]).startsWith("2024-07-31T02:44");
        assertThat(Double.parseDouble(cells[2])).isEqualTo(10.0);
        assertThat(Integer.parseInt(cells[3])).isBetween(250, 450);
        // 206.265 x 2.9 um / 250 mm = 2.3927 arcsec per pixel.
        assertThat(Double.parseDouble(cells[5]) / Double.parseDouble(cells[4])).isCloseTo(2.3927, org.assertj.core.data.Offset.offset(0.001));
        assertThat(csv.stream().filter(l -> l.startsWith("Light_broken.fit")).findFirst().orElseThrow()).contains("true,\"unreadable: not a FITS file");

        @SuppressWarnings("unchecked")
        Map<String, Object> json = new Yaml().load(Files.readString(out.resolve("report/night.json")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> subs = (List<Map<String, Object>>) json.get("subs");
        assertThat(subs).hasSize(9);
        assertThat(subs).filteredOn(s -> "Light_broken.fit".equals(s.get("file"))).singleElement()
                .satisfies(s -> assertThat(s.get("star_count")).isNull());
        BufferedImage plot = ImageIO.read(out.resolve("report/night.png").toFile());
        assertThat(plot.getWidth()).isEqualTo(1000);
        assertThat(plot.getHeight()).isEqualTo(640);
        assertThat(result.measurements()).containsEntry("subs", 9).containsKey("median_fwhm_arcsec");
        assertThat(result.input().object()).isNotNull();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(100.0);
    }

    @Test
    void stackSubsWritesAPreviewAndAFloatMaster() throws IOException {
        PipelineResult result = processor.run(SeestarSubs.ngc7023TenSeconds(), PipelineLibrary.builtIn("stack_subs"),
                out, "ngc7023", ProgressListener.NONE);

        assertThat(result.outputs()).extracting(p -> p.getFileName().toString()).containsExactly("ngc7023.jpg", "ngc7023.fits");
        Image master = FitsReader.read(out.resolve("ngc7023.fits"));
        assertThat(master.channels()).isEqualTo(3);
        assertThat(master.header().summary().bitpix()).isEqualTo(-32);
        assertThat(master.header().summary().stackCount()).isEqualTo(3);
        assertThat(history(master)).anyMatch(line -> line.startsWith("stacked 3 of 3 subs on Light_NGC_7023_10.0s"));
        assertThat(master.header().doubleValue("TOTALEXP")).contains(30.0);
        assertThat(master.header().doubleValue("LIVETIME")).contains(30.0);
        assertThat(master.header().stringValue("DATE-OBS")).contains("2024-07-31T02:44:22.705");
        assertThat(master.header().stringValue("DATE-END")).hasValueSatisfying(end -> assertThat(end).startsWith("2024-07-31T02:4"));
        // Cropped to the area every sub covers: a few pixels narrower than the 1080-pixel sensor.
        BufferedImage preview = ImageIO.read(out.resolve("ngc7023.jpg").toFile());
        assertThat(preview.getWidth()).isBetween(1040, 1079);
        assertThat(preview.getWidth()).isEqualTo(master.width());
        assertThat(result.measurements()).containsEntry("stacked", 3L).containsEntry("rejected", List.of())
                .containsEntry("total_exposure_seconds", 30.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> used = (List<Map<String, Object>>) result.measurements().get("used");
        assertThat(used).hasSize(3).allSatisfy(sub -> assertThat((List<?>) sub.get("weights")).hasSize(3));
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ngc7023.jpg", "ngc7023.fits", "thumbnails");
        }
    }

    @Test
    void aCopyOfStackSubsUnderAnotherNameStacksTheSameMaster() throws IOException {
        String copy = Files.readString(BUILT_IN.resolve("stack_subs.yaml")).replace("name: stack_subs", "name: my_stack");
        List<Path> subs = SeestarSubs.ngc7023TenSeconds();

        processor.run(subs, PipelineLibrary.builtIn("stack_subs"), out.resolve("shipped"), "m", ProgressListener.NONE);
        PipelineResult result = processor.run(subs, loader.parse(copy), out.resolve("copy"), "m", ProgressListener.NONE);

        assertThat(result.outputs()).extracting(p -> p.getFileName().toString()).containsExactly("m.jpg", "m.fits");
        Image shipped = FitsReader.read(out.resolve("shipped/m.fits"));
        Image copied = FitsReader.read(out.resolve("copy/m.fits"));
        for (int c = 0; c < shipped.channels(); c++) {
            // Arrays.equals: the NaN of an uncovered corner equals itself.
            assertThat(Arrays.equals(copied.plane(c), shipped.plane(c))).as("channel %d", c).isTrue();
        }
        assertThat(history(copied)).contains("FitsFlow my_stack", "normalisation additive_scale, weights noise",
                "rejection winsorized, kappa 3.0 low 3.0 high, 5 passes", "bicubic interpolation, flagged subs left out");
        assertThat(result.measurements()).containsEntry("stacked", 3L);
    }

    @Test
    void stackingSettingsOfThePipelineReachTheStacker() throws IOException {
        PipelineDefinition bilinear = loader.parse("""
                name: careful_stack
                subs: stack
                stacking:
                  rejection: sigma
                  kappa: 3.5
                  iterations: 2
                  reject_flagged: false
                  interpolation: bilinear
                  framing: keep
                  rejection_maps: true
                exports:
                  - format: png
                """);

        PipelineResult result = processor.run(SeestarSubs.ngc7023TenSeconds(), bilinear, out, "careful", ProgressListener.NONE);

        Image master = FitsReader.read(out.resolve("careful.fits"));
        assertThat(history(master)).contains("FitsFlow careful_stack", "rejection sigma, kappa 3.5 low 3.5 high, 2 passes",
                "bilinear interpolation, flagged subs kept", "framing keep: whole reference grid");
        assertThat(master.width()).isEqualTo(1080);
        assertThat(result.outputs()).extracting(p -> p.getFileName().toString()).containsExactly("careful.png",
                "careful.fits", "careful.coverage.fits", "careful.rejected-low.fits", "careful.rejected-high.fits");
        Image coverage = FitsReader.read(out.resolve("careful.coverage.fits"));
        // Float data above 1 read back divided by 65535, as the reader normalises it.
        assertThat(coverage.plane(0)[960 * 1080 + 540] * 65535).isCloseTo(3f, within(1e-3f));
        @SuppressWarnings("unchecked")
        Map<String, Object> stacking = (Map<String, Object>) result.measurements().get("stacking");
        assertThat(stacking).containsEntry("rejection", "sigma").containsEntry("kappa_low", 3.5)
                .containsEntry("iterations", 2).containsEntry("reject_flagged", false)
                .containsEntry("interpolation", "bilinear").containsEntry("framing", "keep");
    }

    private static List<String> history(Image image) {
        return image.header().cards().stream().filter(c -> c.keyword().equals("HISTORY"))
                .map(c -> c.comment() != null ? c.comment() : c.value()).map(String::strip).toList();
    }

    @Test
    void analyzeSubsOnOneFileMeasuresItAsTheReportDoes() throws IOException {
        Path sub = SeestarSubs.ngc7023TenSeconds().get(0);
        PipelineResult single = new PipelineRunner(cpu).run(sub, PipelineLibrary.builtIn("analyze_subs"), out,
                "one", ProgressListener.NONE);
        PipelineResult report = processor.run(List.of(sub), PipelineLibrary.builtIn("analyze_subs"),
                out.resolve("report"), "one", ProgressListener.NONE);

        assertThat(single.outputs()).extracting(p -> p.getFileName().toString()).containsExactly("one.jpg");
        assertThat(((Number) single.measurements().get("star_count")).doubleValue())
                .isEqualTo(((Number) report.measurements().get("median_star_count")).doubleValue());
        assertThat((Double) single.measurements().get("fwhm_arcsec"))
                .isEqualTo((Double) report.measurements().get("median_fwhm_arcsec"));
    }

    @Test
    void fullDsoRunsOnARawSub() throws IOException {
        PipelineDefinition fullDso = PipelineLibrary.builtIn("full_dso");
        PipelineResult result = new PipelineRunner(cpu).run(SeestarSubs.ngc7023TenSeconds().get(0), fullDso, out, "sub",
                ProgressListener.NONE);

        assertThat(result.outputs()).extracting(p -> p.getFileName().toString()).containsExactly("sub.jpg");
        assertThat(result.measurements()).containsKeys("background_model_range", "background_neutralization_offsets");
        BufferedImage jpeg = ImageIO.read(out.resolve("sub.jpg").toFile());
        assertThat(jpeg.getWidth()).isEqualTo(1080);
        assertThat(jpeg.getHeight()).isEqualTo(1920);
    }

    @Test
    void singleFilePipelinesAndEmptySetsAreRefused() throws IOException {
        PipelineDefinition quick = PipelineLibrary.builtIn("quick_dso");
        assertThatThrownBy(() -> processor.run(SeestarSubs.ngc7023TenSeconds(), quick, out, "x", ProgressListener.NONE))
                .isInstanceOf(InvalidPipelineException.class)
                .hasMessage("'quick_dso' works on one file; a pipeline over a set of subs says subs: analyze or subs: stack");
        PipelineDefinition stack = PipelineLibrary.builtIn("stack_subs");
        assertThatThrownBy(() -> processor.run(List.of(), stack, out, "x", ProgressListener.NONE))
                .isInstanceOf(InvalidPipelineException.class).hasMessage("stack_subs needs at least one sub, got none");
        assertThat(SubsetProcessor.fitsFiles(SeestarSubs.FOLDER)).hasSize(8);
    }
}
