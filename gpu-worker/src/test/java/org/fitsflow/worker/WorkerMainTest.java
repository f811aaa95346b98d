package org.fitsflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.StackingSection;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.junit.jupiter.api.io.TempDir;

class WorkerMainTest {
    private static final Path FRAME = Path.of(System.getProperty("fitsflow.shared"), "data", "frames", "seestar-rgb-ngc7023.fit");
    private static final Path SUBS = Path.of(System.getProperty("fitsflow.shared"), "data", "seestar-subs");

    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void processCommandWritesTheOutputsAndSaysWhere() throws Exception {
        Path results = dir.resolve("results");

        int code = run("process", FRAME.toString(), "--pipeline", "quick_dso", "--out", results.toString());

        assertThat(code).isZero();
        Path jpeg = results.resolve("seestar-rgb-ngc7023.quick_dso.jpg");
        assertThat(stdout()).isEqualTo(jpeg + "\n");
        assertThat(ImageIO.read(jpeg.toFile()).getWidth()).isEqualTo(1080);
        assertThat(stderr()).startsWith("pipeline quick_dso (built-in)\n").contains("histogram_stretch").contains("done on cpu");
    }

    @Test
    void processCommandExplainsBadInputWithoutAStackTrace() throws Exception {
        Path notFits = dir.resolve("broken.fit");
        Files.writeString(notFits, "SIMPLE  = nonsense");

        int code = run("process", notFits.toString(), "--pipeline", "quick_dso", "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).endsWith("error: truncated header: the file holds only 18 bytes, less than one 2880-byte FITS header block\n")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void processCommandNamesAnUnknownPipelineAndMissingArguments() throws Exception {
        assertThat(run("process", FRAME.toString(), "--pipeline", "quick", "--out", dir.toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("error: unknown pipeline 'quick'; known: ").contains("quick_dso");

        stderr.reset();
        assertThat(run("process", FRAME.toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(stderr()).startsWith("error: missing --pipeline NAME\nusage: process");

        stderr.reset();
        assertThat(run("process", dir.resolve("absent.fit").toString(), "--pipeline", "quick_dso", "--out", dir.toString())).isEqualTo(1);
        assertThat(stderr()).isEqualTo("error: input not found: " + dir.resolve("absent.fit") + "\n");

        stderr.reset();
        assertThat(run("process", FRAME.toString(), "--pipeline", "quick_dso", "--out", dir.toString(),
                "--pipelines-dir", dir.resolve("absent").toString())).isEqualTo(2);
        assertThat(stderr()).startsWith("error: --pipelines-dir " + dir.resolve("absent") + " is not a folder\nusage: process");
    }

    @Test
    void aPipelinesFolderReplacesABuiltInPipelineAndSaysSo() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pipelines"));
        Path mine = Files.writeString(folder.resolve("quick_dso.yaml"), "name: quick_dso\nexports: [{format: png}]\n");
        Path results = dir.resolve("results");

        int code = run("process", FRAME.toString(), "--pipeline", "quick_dso", "--out", results.toString(),
                "--pipelines-dir", folder.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo(results.resolve("seestar-rgb-ngc7023.quick_dso.png") + "\n");
        assertThat(stderr()).startsWith("pipeline quick_dso (" + mine.toAbsolutePath().normalize() + ", in place of the built-in one)\n");
    }

    @Test
    void processCommandRunsAPipelineOverSubsOnceOverAllOfThem() throws Exception {
        List<Path> subs;
        try (Stream<Path> listing = Files.list(SUBS)) {
            subs = listing.filter(p -> p.getFileName().toString().startsWith("Light_M_94")).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of("process"));
        subs.forEach(sub -> args.add(sub.toString()));
        args.addAll(List.of("--pipeline", "analyze_subs", "--out", dir.toString()));

        int code = run(args.toArray(String[]::new));

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout().lines()).containsExactly(dir.resolve("seestar-subs.analyze_subs.json").toString(),
                dir.resolve("seestar-subs.analyze_subs.csv").toString(), dir.resolve("seestar-subs.analyze_subs.png").toString());
        assertThat(Files.readAllLines(dir.resolve("seestar-subs.analyze_subs.csv"))).hasSize(1 + subs.size());
    }

    @Test
    void processCommandRunsAPipelineOverOneFileOnEachFileAndNamesTheOneThatFails() throws Exception {
        Path notFits = Files.writeString(dir.resolve("broken.fit"), "SIMPLE  = nonsense");
        Path results = dir.resolve("results");

        int code = run("process", notFits.toString(), FRAME.toString(), "--pipeline", "quick_dso", "--out", results.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stdout()).isEqualTo(results.resolve("seestar-rgb-ngc7023.quick_dso.jpg") + "\n");
        assertThat(stderr()).contains("error: " + notFits + ": truncated header");
    }

    @Test
    void containerJobPrintsProgressWritesOutputsAndResult() throws Exception {
        Path jobFolder = dir.resolve("job-17");
        Files.createDirectories(jobFolder.resolve("input"));
        Files.copy(FRAME, jobFolder.resolve("input/frame.fit"));
        writeJob(jobFolder, Map.of("job_id", "17", "input", "input/frame.fit", "output_stem", "frame.quick_dso",
                "pipeline", Map.of("name", "quick_dso",
                        "steps", List.of(Map.of("step", "histogram_stretch", "mode", "unlinked")),
                        "exports", List.of(Map.of("format", "jpeg", "quality", 95), Map.of("format", "tiff")))));

        int code = run(jobFolder.resolve("job.json").toString());

        assertThat(code).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout().split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).allSatisfy(line -> assertThat(line.get("type").asText()).isEqualTo("progress"));
        List<Double> percents = lines.stream().map(line -> line.get("percent").asDouble()).toList();
        assertThat(percents).isSorted().startsWith(0.0).endsWith(100.0);
        assertThat(lines.stream().map(line -> line.get("step").asText()))
                .containsExactly("reading", "histogram_stretch", "export_jpeg", "export_tiff", "done");

        JsonNode result = json.readTree(jobFolder.resolve("result.json").toFile());
        assertThat(result.get("job_id").asText()).isEqualTo("17");
        assertThat(result.get("status").asText()).isEqualTo("complete");
        assertThat(result.get("outputs")).extracting(JsonNode::asText).containsExactly("frame.quick_dso.jpg", "frame.quick_dso.tif");
        assertThat(result.get("gpu_used").asBoolean()).isFalse();
        assertThat(result.get("backend").asText()).isEqualTo("cpu");
        assertThat(result.get("error").isNull()).isTrue();
        assertThat(result.get("header").get("width").asInt()).isEqualTo(1080);
        assertThat(result.get("header").get("planes").asInt()).isEqualTo(3);
        assertThat(result.get("measurements").get("histogram_stretch").get("m")).hasSize(3);
        assertThat(files(jobFolder.resolve("outputs"))).containsExactly("frame.quick_dso.jpg", "frame.quick_dso.tif", "thumbnails");
        assertThat(files(jobFolder.resolve("outputs").resolve("thumbnails")))
                .containsExactly("frame.quick_dso.1080.jpg", "frame.quick_dso.320.jpg");
    }

    /**
     * The command line stacks with the calibration folders beside the subs: here a flats/ folder in the subs'
     * parent (a real light stands in for a flat: it has light). A frame that cannot be read stops the stack, named.
     */
    @Test
    void processCommandCalibratesTheSubsWithTheFoldersBesideThem() throws Exception {
        List<String> subs = m94SubsIn(dir).stream().map(s -> dir.resolve(s).toString()).toList();
        Files.copy(Path.of(subs.get(0)), Files.createDirectories(dir.resolve("flats")).resolve("flat_01.fit"));
        List<String> args = new ArrayList<>(List.of("process"));
        args.addAll(subs);
        args.addAll(List.of("--pipeline", "stack_subs", "--out", dir.resolve("calibrated").toString()));

        assertThat(run(args.toArray(String[]::new))).as(stderr()).isZero();

        Image master = FitsReader.read(dir.resolve("calibrated/input.stack_subs.fits"));
        assertThat(master.header().cards()).filteredOn(c -> c.keyword().equals("HISTORY"))
                .anyMatch(c -> c.comment().startsWith("calibration: master flat of 1 frame, not bias-subtracted"));

        Path dark = Files.createDirectories(dir.resolve("darks")).resolve("dark_01.fit");
        Files.write(dark, Arrays.copyOf(Files.readAllBytes(Path.of(subs.get(0))), 5000));
        stderr.reset();
        args.set(args.size() - 1, dir.resolve("refused").toString());

        assertThat(run(args.toArray(String[]::new))).isEqualTo(1);
        assertThat(stderr()).contains("error: dark frame dark_01.fit cannot be read: ").doesNotContain("\tat ");
    }

    /**
     * A session's calibration uploads reach the container as job.json's "flats" (and "biases", "darks"), apart from
     * the subs (a real light stands in for a flat: it has light); the master's HISTORY names the flat master.
     */
    @Test
    void containerJobCalibratesTheSubsWithTheFlatsItsTicketNames() throws Exception {
        Path jobFolder = dir.resolve("job-20");
        List<String> inputs = m94SubsIn(jobFolder);
        Files.copy(jobFolder.resolve(inputs.get(0)), jobFolder.resolve("input/flat_01.fit"));
        Map<String, Object> pipeline = new Yaml().load(WorkerMainTest.class.getResourceAsStream(
                "/org/fitsflow/processors/pipeline/builtin/stack_subs.yaml"));
        writeJob(jobFolder, Map.of("job_id", "20", "inputs", inputs, "output_stem", "m94.stack_subs", "pipeline", pipeline,
                "biases", List.of(), "flats", List.of("input/flat_01.fit")));

        int code = run(jobFolder.resolve("job.json").toString());

        assertThat(code).as(stderr()).isZero();
        Image master = FitsReader.read(jobFolder.resolve("outputs/m94.stack_subs.fits"));
        assertThat(master.header().cards()).filteredOn(c -> c.keyword().equals("HISTORY"))
                .anyMatch(c -> c.comment().startsWith("calibration: master flat of 1 frame"))
                .noneMatch(c -> c.comment().startsWith("calibration: none"));
        JsonNode calibration = json.readTree(jobFolder.resolve("result.json").toFile()).get("measurements").get("calibration");
        assertThat(calibration.get("flat_frames").asInt()).isEqualTo(1);
        assertThat(calibration.get("bias_frames").asInt()).isZero();
    }

    /** analyze_subs and stack_subs run in containers too: job.json lists every sub under "inputs". */
    @Test
    void containerJobOverASetOfSubsWritesOneReportOfThemAll() throws Exception {
        Path jobFolder = dir.resolve("job-21");
        List<String> inputs = m94SubsIn(jobFolder);
        Map<String, Object> pipeline = new Yaml().load(WorkerMainTest.class.getResourceAsStream(
                "/org/fitsflow/processors/pipeline/builtin/analyze_subs.yaml"));
        writeJob(jobFolder, Map.of("job_id", "21", "input", inputs.get(0), "inputs", inputs, "output_stem", "m94.analyze_subs",
                "pipeline", pipeline));

        int code = run(jobFolder.resolve("job.json").toString());

        assertThat(code).as(stderr()).isZero();
        JsonNode result = json.readTree(jobFolder.resolve("result.json").toFile());
        assertThat(result.get("status").asText()).isEqualTo("complete");
        assertThat(result.get("outputs")).extracting(JsonNode::asText)
                .containsExactly("m94.analyze_subs.json", "m94.analyze_subs.csv", "m94.analyze_subs.png");
        List<String> csv = Files.readAllLines(jobFolder.resolve("outputs/m94.analyze_subs.csv"));
        assertThat(csv).hasSize(1 + inputs.size());
        assertThat(inputs).hasSizeGreaterThan(1);
    }

    /**
     * night_stack in a container, its pipeline as the Docker executor writes it (the stacking settings through
     * StackingSection.toMap): the report's setting survives the JSON, and result.json carries the night's figures.
     */
    @Test
    void containerJobOfNightStackWritesTheNightItsMasterAndItsQualityReport() throws Exception {
        Path jobFolder = dir.resolve("job-22");
        List<String> inputs = m94SubsIn(jobFolder);
        Map<String, Object> pipeline = new LinkedHashMap<>(new Yaml().<Map<String, Object>>load(WorkerMainTest.class
                .getResourceAsStream("/org/fitsflow/processors/pipeline/builtin/night_stack.yaml")));
        pipeline.put("stacking", StackingSection.toMap(PipelineLibrary.builtIn("night_stack").stacking()));
        writeJob(jobFolder, Map.of("job_id", "22", "input", inputs.get(0), "inputs", inputs,
                "output_stem", "M 94 2025-03-26 4x10s", "pipeline", pipeline));

        int code = run(jobFolder.resolve("job.json").toString());

        assertThat(code).as(stderr()).isZero();
        JsonNode result = json.readTree(jobFolder.resolve("result.json").toFile());
        assertThat(result.get("outputs")).extracting(JsonNode::asText).containsExactly("M 94 2025-03-26 4x10s.jpg",
                "M 94 2025-03-26 4x10s.fits", "M 94 2025-03-26 4x10s.quality.json", "M 94 2025-03-26 4x10s.quality.csv",
                "M 94 2025-03-26 4x10s.quality.png");
        JsonNode measurements = result.get("measurements");
        assertThat(measurements.get("subs").asInt()).isEqualTo(4);
        assertThat(measurements.get("total_exposure_seconds").asDouble())
                .isEqualTo(10.0 * measurements.get("stacked").asInt());
        assertThat(measurements.get("median_fwhm_px").asDouble()).isPositive();
        assertThat(measurements.get("flagged_subs").isArray()).isTrue();
        assertThat(jobFolder.resolve("outputs/thumbnails/M 94 2025-03-26 4x10s.320.jpg")).isRegularFile();
    }

    @Test
    void containerJobWithABadFileFailsWithTheReason() throws Exception {
        Path jobFolder = dir.resolve("job-18");
        Files.createDirectories(jobFolder);
        Files.write(jobFolder.resolve("upload.fit"), new byte[2880]);
        writeJob(jobFolder, Map.of("job_id", "18", "input", "upload.fit", "output_stem", "upload.quick_dso",
                "pipeline", Map.of("name", "quick_dso", "exports", List.of(Map.of("format", "jpeg")))));

        int code = run(jobFolder.resolve("job.json").toString());

        assertThat(code).isEqualTo(1);
        JsonNode result = json.readTree(jobFolder.resolve("result.json").toFile());
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("job_id").asText()).isEqualTo("18");
        assertThat(result.get("error").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(result.get("outputs")).isEmpty();
        assertThat(jobFolder.resolve("outputs")).doesNotExist();
    }

    @Test
    void containerJobWithAnInvalidPipelineFailsNamingTheProblem() throws Exception {
        Path jobFolder = dir.resolve("job-19");
        Files.createDirectories(jobFolder);
        writeJob(jobFolder, Map.of("job_id", "19", "input", FRAME.toString(),
                "pipeline", Map.of("name", "custom", "exports", List.of(Map.of("format", "jpeg", "quality", 150)))));

        assertThat(run(jobFolder.resolve("job.json").toString())).isEqualTo(1);

        JsonNode result = json.readTree(jobFolder.resolve("result.json").toFile());
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("error").asText()).isEqualTo("invalid pipeline: export 1: quality must be 1..100, got 150");
    }

    @Test
    void containerJobReadsTheStackingSettingsOfThePipelineWithTheSameChecks() throws Exception {
        Path jobFolder = dir.resolve("job-20");
        Files.createDirectories(jobFolder);
        writeJob(jobFolder, Map.of("job_id", "20", "input", FRAME.toString(),
                "pipeline", Map.of("name", "my_stack", "subs", "stack", "stacking", Map.of("kappa", 20, "interpolation", "bilinear"),
                        "exports", List.of(Map.of("format", "fits")))));

        assertThat(run(jobFolder.resolve("job.json").toString())).isEqualTo(1);

        JsonNode result = json.readTree(jobFolder.resolve("result.json").toFile());
        assertThat(result.get("error").asText()).isEqualTo("invalid pipeline: stacking: kappa must be between 0.5 and 10, got 20");
    }

    @Test
    void unreadableJobFileStillGetsAFailedResult() throws Exception {
        Path jobFolder = dir.resolve("job-20");
        Files.createDirectories(jobFolder);
        Files.writeString(jobFolder.resolve("job.json"), "{\"job_id\": ");

        assertThat(run(jobFolder.resolve("job.json").toString())).isEqualTo(1);

        JsonNode result = json.readTree(jobFolder.resolve("result.json").toFile());
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("error").asText()).startsWith("job file job.json cannot be read: ");
    }

    private int run(String... args) {
        return WorkerMain.run(args, new CpuBackend(), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    /** The shared M 94 subs copied into the job folder's input/, as the job names them. */
    private static List<String> m94SubsIn(Path jobFolder) throws Exception {
        Path input = Files.createDirectories(jobFolder.resolve("input"));
        List<String> inputs = new ArrayList<>();
        try (Stream<Path> subs = Files.list(SUBS)) {
            for (Path sub : subs.filter(p -> p.getFileName().toString().startsWith("Light_M_94")).sorted().toList()) {
                Files.copy(sub, input.resolve(sub.getFileName()));
                inputs.add("input/" + sub.getFileName());
            }
        }
        return inputs;
    }

    private void writeJob(Path jobFolder, Map<String, Object> job) throws Exception {
        json.writeValue(jobFolder.resolve("job.json").toFile(), job);
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
