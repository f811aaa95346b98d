package org.fitsflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as the container and the README run it: a separate JVM started in an empty folder (the
 * built-in pipelines come from the jar), real files, exit codes.
 */
class WorkerJarIT {
    private static final Path JAR = Path.of("target", "gpu-worker.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("bin", "fitsflow-worker").toAbsolutePath();
    private static final Path FRAME = Path.of(System.getProperty("fitsflow.shared"), "data", "frames", "seestar-rgb-ngc7023.fit");
    private static final Path SUBS = Path.of(System.getProperty("fitsflow.shared"), "data", "seestar-subs");

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void containerModeRunsAJobFolder() throws Exception {
        Path job = dir.resolve("job");
        Files.createDirectories(job);
        Files.copy(FRAME, job.resolve("frame.fit"));
        json.writeValue(job.resolve("job.json").toFile(), Map.of("job_id", "42", "input", "frame.fit",
                "output_stem", "frame.quick_dso", "pipeline", Map.of("name", "quick_dso",
                        "steps", List.of(Map.of("step", "histogram_stretch")), "exports", List.of(Map.of("format", "jpeg")))));

        Run run = java(job.resolve("job.json").toString());

        assertThat(run.exitCode).as(run.stderr).isZero();
        List<String> lines = run.stdout.lines().toList();
        assertThat(lines.get(0)).isEqualTo("{\"type\":\"progress\",\"percent\":0.0,\"step\":\"reading\"}");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"type\":\"progress\",\"percent\":100.0,\"step\":\"done\"}");
        JsonNode result = json.readTree(job.resolve("result.json").toFile());
        assertThat(result.get("status").asText()).isEqualTo("complete");
        assertThat(result.get("outputs").get(0).asText()).isEqualTo("frame.quick_dso.jpg");
        assertThat(Files.size(job.resolve("outputs/frame.quick_dso.jpg"))).isGreaterThan(100_000);
    }

    @Test
    void containerModeReportsABadFileAndExitsWithOne() throws Exception {
        Path job = dir.resolve("bad");
        Files.createDirectories(job);
        Files.writeString(job.resolve("frame.fit"), "SIMPLE  =                    T");
        json.writeValue(job.resolve("job.json").toFile(), Map.of("job_id", "43", "input", "frame.fit",
                "pipeline", Map.of("name", "quick_dso", "exports", List.of(Map.of("format", "jpeg")))));

        Run run = java(job.resolve("job.json").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stderr).doesNotContain("Exception");
        JsonNode result = json.readTree(job.resolve("result.json").toFile());
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("error").asText()).isNotBlank();
    }

    @Test
    void processCommandPrintsTheOutputPath() throws Exception {
        Path out = dir.resolve("results");

        Run run = java("process", FRAME.toString(), "--pipeline", "export_pixinsight", "--out", out.toString());

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout.trim()).isEqualTo(out.resolve("seestar-rgb-ngc7023.export_pixinsight.tif").toString());
        assertThat(Files.size(out.resolve("seestar-rgb-ngc7023.export_pixinsight.tif"))).isGreaterThan(3L * 1080 * 1920 * 2);
    }

    @Test
    void launcherRunsTheJarWithTheSerialCollectorAndAddsTheGivenOptions() throws Exception {
        Path out = dir.resolve("results");
        Path gcLog = dir.resolve("gc.log");

        Run run = launcher("-Dfitsflow.gpu=false -Xlog:gc:file=" + gcLog, "process", FRAME.toString(),
                "--pipeline", "quick_dso", "--out", out.toString());

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout.trim()).isEqualTo(out.resolve("seestar-rgb-ngc7023.quick_dso.jpg").toString());
        assertThat(run.stderr).contains("switched off by -Dfitsflow.gpu=false").contains("pipeline quick_dso (built-in)");
        assertThat(Files.readString(gcLog)).contains("Using Serial");
    }

    @Test
    void launcherTakesThePipelinesOfConfigPipelinesInTheWorkingFolder() throws Exception {
        Path mine = Files.createDirectories(workingFolder().resolve("config/pipelines")).resolve("quick_dso.yaml");
        Files.writeString(mine, "name: quick_dso\nexports: [{format: png}]\n");

        Run run = launcher("-Dfitsflow.gpu=false", "process", FRAME.toString(), "--pipeline", "quick_dso", "--out", "results");

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout.trim()).isEqualTo(Path.of("results", "seestar-rgb-ngc7023.quick_dso.png").toString());
        assertThat(run.stderr).contains("pipeline quick_dso (" + mine.toRealPath() + ", in place of the built-in one)");
        assertThat(workingFolder().resolve("results/seestar-rgb-ngc7023.quick_dso.png")).isRegularFile();
    }

    @Test
    void processCommandStacksTwoNightsThenCombinesTheirMastersIntoADeepStack() throws Exception {
        List<Path> m94;
        try (Stream<Path> listing = Files.list(SUBS)) {
            m94 = listing.filter(p -> p.getFileName().toString().startsWith("Light_M_94")).sorted().toList();
        }
        for (int night = 1; night <= 2; night++) {
            Path folder = Files.createDirectories(workingFolder().resolve("night" + night));
            List<String> args = new ArrayList<>(List.of("process"));
            for (Path sub : m94.subList(2 * night - 2, 2 * night)) {
                args.add(Files.copy(sub, folder.resolve(sub.getFileName())).toString());
            }
            args.addAll(List.of("--pipeline", "night_stack", "--out", "nights"));

            Run run = java(args.toArray(String[]::new));

            assertThat(run.exitCode).as(run.stderr).isZero();
            String stem = Path.of("nights", "night" + night + ".night_stack").toString();
            assertThat(run.stdout.lines()).containsExactly(stem + ".jpg", stem + ".fits", stem + ".quality.json",
                    stem + ".quality.csv", stem + ".quality.png");
        }

        Run deep = java("process", "nights/night1.night_stack.fits", "nights/night2.night_stack.fits",
                "--pipeline", "deep_stack", "--out", "deep");

        assertThat(deep.exitCode).as(deep.stderr).isZero();
        assertThat(deep.stdout.lines()).containsExactly(Path.of("deep", "nights.deep_stack.jpg").toString(),
                Path.of("deep", "nights.deep_stack.fits").toString());
        assertThat(deep.stderr).contains("pipeline deep_stack (built-in)").contains("combining nights");
        assertThat(workingFolder().resolve("deep/thumbnails/nights.deep_stack.320.jpg")).isRegularFile();

        Run raw = java("process", "nights/night1.night_stack.fits", m94.get(0).toString(), "--pipeline", "deep_stack",
                "--out", "refused");

        assertThat(raw.exitCode).isEqualTo(1);
        assertThat(raw.stderr).contains("error: " + m94.get(0).getFileName() + " is not a night master but a raw sub")
                .doesNotContain("Exception");
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    /** Empty but for what a test puts there; the process's output goes beside it. */
    private Path workingFolder() throws IOException {
        return Files.createDirectories(dir.resolve("work"));
    }

    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dfitsflow.gpu=false", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command));
    }

    /** {@code bin/fitsflow-worker} with this JVM and the given FITSFLOW_WORKER_JAVA_OPTS, finding the jar itself. */
    private Run launcher(String javaOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("FITSFLOW_WORKER_JAVA_OPTS", javaOptions);
        builder.environment().remove("FITSFLOW_WORKER_JAR");
        return run(builder);
    }

    private Run run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        // a working folder of its own: nothing of the repository is at hand, as on a user's machine
        Process process = builder.directory(workingFolder().toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the worker did not finish within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
