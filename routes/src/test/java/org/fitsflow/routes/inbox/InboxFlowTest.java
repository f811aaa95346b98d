package org.fitsflow.routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fitsflow.processors.fits.HostileFitsCorpus;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The inbox end to end on real folders: the whole application is started (and restarted) the way the
 * jar starts, files are dropped into the inbox as a sync tool would, and the results are read through
 * the API and from the outbox.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxFlowTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("inbox");
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static final String STARTUP = "MyWorks/NGC 7023/seestar-rgb-ngc7023.fit";

    private static ConfigurableApplicationContext app;
    private static ApiClient api;
    private static FileTime startupMtime;
    private static byte[] startupBytes;

    @BeforeAll
    static void startWithAFileAlreadyThere() throws IOException {
        Path startup = FOLDERS.inbox().resolve(STARTUP);
        Files.createDirectories(startup.getParent());
        Files.copy(SharedFiles.rgbNgc7023(), startup);
        Files.setLastModifiedTime(startup, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        startupMtime = Files.getLastModifiedTime(startup);
        startupBytes = Files.readAllBytes(startup);
        start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static void start(String... moreArguments) {
        Map<String, Object> properties = Map.of(
                "server.port", "0",
                "fitsflow.data-dir", FOLDERS.data().toString(),
                "fitsflow.inbox.dir", FOLDERS.inbox().toString(),
                "fitsflow.outbox.dir", FOLDERS.outbox().toString(),
                "fitsflow.inbox.stable-seconds", "1",
                "fitsflow.inbox.poll-delay-ms", "200");
        // as command-line arguments: they win over application.yaml, as with the jar
        String[] args = Stream.concat(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                Stream.of(moreArguments)).toArray(String[]::new);
        app = new SpringApplicationBuilder(FitsflowApplication.class).run(args);
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    @Order(1)
    void aFilePresentAtStartIsProcessedIntoTheOutbox() throws IOException {
        JsonNode job = awaitFinished(STARTUP, 1).get(0);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("complete");
        Path output = FOLDERS.outbox().resolve("MyWorks/NGC 7023/seestar-rgb-ngc7023.quick_dso.jpg");
        assertThat(ImageIO.read(output.toFile()).getHeight()).isEqualTo(1920);
        assertUntouched(FOLDERS.inbox().resolve(STARTUP), startupBytes, startupMtime);
    }

    @Test
    @Order(2)
    void aSlowlyCopiedFileIsTakenOnceWhenComplete() throws Exception {
        Path target = FOLDERS.inbox().resolve("slow/copy.fits");
        Files.createDirectories(target.getParent());
        byte[] content = Files.readAllBytes(SharedFiles.syntheticStacked());
        int chunks = 12;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < chunks; i++) {
                int from = content.length * i / chunks;
                int to = content.length * (i + 1) / chunks;
                out.write(content, from, to - from);
                out.flush();
                Thread.sleep(300);
            }
        }
        FileTime mtime = Files.getLastModifiedTime(target);
        List<JsonNode> jobs = awaitFinished("slow/copy.fits", 1);
        assertThat(jobs.get(0).get("status").asText()).as(jobs.toString()).isEqualTo("complete");
        Path output = FOLDERS.outbox().resolve("slow/copy.quick_dso.jpg");
        assertThat(ImageIO.read(output.toFile())).isNotNull();
        try (Stream<Path> outbox = Files.list(output.getParent())) {
            assertThat(outbox.map(p -> p.getFileName().toString())).containsExactly("copy.quick_dso.jpg");
        }
        assertUntouched(target, content, mtime);
        // a few more polls: still exactly one job for it
        Thread.sleep(1000);
        assertThat(jobsOf("slow/copy.fits")).hasSize(1);
    }

    @Test
    @Order(3)
    void aCopyThatStopsShortIsTakenAfterTheStableWaitAndFailsAsTruncated() throws IOException {
        Path target = Files.createDirectories(FOLDERS.inbox().resolve("aborted")).resolve("half.fit");
        byte[] content = Files.readAllBytes(SharedFiles.rgbNgc7023());
        Files.write(target, Arrays.copyOf(content, content.length / 2));

        JsonNode job = awaitFinished("aborted/half.fit", 1).get(0);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("error_message").asText()).startsWith("data truncated");
    }

    @Test
    @Order(4)
    void onlyTheNewestOfAGrowingStackIsProcessed() throws IOException {
        Path folder = Files.createDirectories(FOLDERS.inbox().resolve("MyWorks/M 42"));
        Path older = folder.resolve("Stacked_74_M 42_10.0s_IRCUT_20240101-200000.fit");
        Path newer = folder.resolve("Stacked_453_M 42_10.0s_IRCUT_20240101-210000.fit");
        // copied under hidden names (ignored) and renamed, as sync tools do
        copyAsSyncTool(SharedFiles.rgbNgc7023(), older);
        copyAsSyncTool(SharedFiles.syntheticStacked(), newer);

        JsonNode newest = awaitFinished("MyWorks/M 42/" + newer.getFileName(), 1).get(0);
        assertThat(newest.get("status").asText()).isEqualTo("complete");
        JsonNode skipped = awaitFinished("MyWorks/M 42/" + older.getFileName(), 1).get(0);
        assertThat(skipped.get("status").asText()).isEqualTo("cancelled");
        assertThat(skipped.get("error_message").asText()).startsWith("skipped: superseded by Stacked_453");
        try (Stream<Path> outbox = Files.list(FOLDERS.outbox().resolve("MyWorks/M 42"))) {
            assertThat(outbox.map(p -> p.getFileName().toString()))
                    .containsExactly("Stacked_453_M 42_10.0s_IRCUT_20240101-210000.quick_dso.jpg");
        }
    }

    @Test
    @Order(5)
    void hostileFilesGetFailedJobsWithTheirReasonAndTheInboxGoesOn() throws IOException {
        Path dir = Files.createDirectories(FOLDERS.root().resolve("hostile-source"));
        List<Function<Path, Path>> corpus = List.of(HostileFitsCorpus::empty, HostileFitsCorpus::text,
                HostileFitsCorpus::truncated, HostileFitsCorpus::noEnd, HostileFitsCorpus::hugeNaxis,
                HostileFitsCorpus::bitpix12, HostileFitsCorpus::naxis4, HostileFitsCorpus::allNaN,
                HostileFitsCorpus::simpleFalse);
        Path inboxDir = Files.createDirectories(FOLDERS.inbox().resolve("hostile"));
        List<String> names = new ArrayList<>();
        for (Function<Path, Path> make : corpus) {
            Path file = make.apply(dir);
            copyAsSyncTool(file, inboxDir.resolve(file.getFileName()));
            names.add(file.getFileName().toString());
        }
        for (String name : names) {
            JsonNode job = awaitFinished("hostile/" + name, 1).get(0);
            assertThat(job.get("status").asText()).as(name).isEqualTo("failed");
            assertThat(job.get("error_message").asText()).as(name).isNotBlank().doesNotContain("Exception");
        }
        copyAsSyncTool(SharedFiles.rgbNgc7023(), inboxDir.resolve("good.fit"));
        assertThat(awaitFinished("hostile/good.fit", 1).get(0).get("status").asText()).isEqualTo("complete");
        try (Stream<Path> outbox = Files.list(FOLDERS.outbox().resolve("hostile"))) {
            assertThat(outbox.map(p -> p.getFileName().toString())).containsExactly("good.quick_dso.jpg");
        }
    }

    @Test
    @Order(6)
    void aRestartTakesNothingAgainButAChangedFileIsTakenAgain() throws IOException {
        app.close();
        start();
        Path changed = FOLDERS.inbox().resolve(STARTUP);
        Files.copy(SharedFiles.syntheticStacked(), changed, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() - 30_000));

        List<JsonNode> jobs = awaitFinished(STARTUP, 2);
        assertThat(jobs).extracting(j -> j.get("status").asText()).containsOnly("complete");
        // the files taken before the restart were not taken again
        assertThat(jobsOf("slow/copy.fits")).hasSize(1);
        assertThat(jobsOf("hostile/good.fit")).hasSize(1);
        assertThat(jobsOf("MyWorks/M 42/Stacked_453_M 42_10.0s_IRCUT_20240101-210000.fit")).hasSize(1);
        // one outbox file per input and pipeline, replaced by the second run
        try (Stream<Path> outbox = Files.list(FOLDERS.outbox().resolve("MyWorks/NGC 7023"))) {
            assertThat(outbox.map(p -> p.getFileName().toString())).containsExactly("seestar-rgb-ngc7023.quick_dso.jpg");
        }
    }

    @Test
    @Order(7)
    void withSubPreviewsARawSubGetsItsOwnPreviewAndStillJoinsItsNight() throws IOException {
        app.close();
        start("--fitsflow.nights.sub-previews=true");
        String relative = "MyWorks/NGC 7023_sub/" + SharedFiles.rawSubNgc7023().getFileName();
        copyAsSyncTool(SharedFiles.rawSubNgc7023(), Files.createDirectories(FOLDERS.inbox().resolve(relative).getParent())
                .resolve(SharedFiles.rawSubNgc7023().getFileName()));

        JsonNode preview = awaitFinished(relative, 1).get(0);
        assertThat(preview.get("status").asText()).as(preview.toString()).isEqualTo("complete");
        assertThat(preview.get("pipeline_name").asText()).isEqualTo("quick_dso");
        assertThat(ImageIO.read(FOLDERS.outbox().resolve("MyWorks/NGC 7023_sub/Light_NGC_7023_10.0s_IRCUT_20240730-224436.quick_dso.jpg")
                .toFile())).isNotNull();
        JsonNode night = api.get("/api/process/targets/ngc-7023--ircut/nights/2024-07-30").json();
        assertThat(night.get("state").asText()).as(night.toString()).isEqualTo("open");
        assertThat(night.get("subs_taken").asInt()).isEqualTo(1);
    }

    /** The jobs of the inbox file at that relative path, once at least {@code count} exist and all are finished. */
    private static List<JsonNode> awaitFinished(String relativePath, int count) {
        return Await.until(count + " finished job(s) of " + relativePath, JOB_TIMEOUT, () -> jobsOf(relativePath),
                jobs -> jobs.size() >= count && jobs.stream().noneMatch(j -> j.get("status").asText().matches("queued|running")));
    }

    private static List<JsonNode> jobsOf(String relativePath) {
        List<JsonNode> jobs = new ArrayList<>();
        for (JsonNode session : api.get("/api/process/sessions").json()) {
            if (!session.get("source").asText().equals("inbox")) {
                continue;
            }
            JsonNode detail = api.get("/api/process/sessions/" + session.get("id").asLong()).json();
            for (JsonNode file : detail.get("files")) {
                if (relativePath.equals(file.get("inbox_path").asText())) {
                    for (JsonNode job : detail.get("jobs")) {
                        if (job.get("file_id").asLong() == file.get("id").asLong()) {
                            jobs.add(job);
                        }
                    }
                }
            }
        }
        return jobs;
    }

    private static void copyAsSyncTool(Path source, Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void assertUntouched(Path file, byte[] bytes, FileTime mtime) throws IOException {
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(mtime);
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(Arrays.equals(in.readAllBytes(), bytes)).as("content of " + file + " unchanged").isTrue();
        }
    }
}
