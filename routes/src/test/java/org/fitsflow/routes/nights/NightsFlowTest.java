package org.fitsflow.routes.nights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fitsflow.processors.analysis.BackgroundMesh;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.OutboxFiles;
import org.fitsflow.routes.support.SeestarSubs;
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
 * Nights end to end: the whole application on real folders, raw M 94 subs (real ones, and ones bench/make_subs.py made
 * from them for other nights, rotated and with fresh noise) arriving in a Seestar sub folder one by one, across a
 * restart; the nights close after a short quiet period, their stacks and the deep stack reach the outbox, and the
 * targets API tells about them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightsFlowTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("nights");
    private static final Duration STACK_TIMEOUT = Duration.ofMinutes(5);
    private static final String NIGHT_1 = "2025-03-26";
    private static final String NIGHT_2 = "2025-03-27";
    private static final String TARGET = "m-94--ircut";

    private static ConfigurableApplicationContext app;
    private static ApiClient api;
    private static List<Path> made;
    private static Path subFolder;
    private static Path outbox;

    @BeforeAll
    static void makeSubsAndStart() throws IOException {
        made = SeestarSubs.nights(Files.createDirectories(FOLDERS.root().resolve("made")));
        subFolder = FOLDERS.inbox().resolve("MyWorks/M 94_sub");
        outbox = FOLDERS.outbox().resolve("M 94");
        start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static void start() {
        Map<String, Object> properties = Map.of(
                "server.port", "0",
                "fitsflow.data-dir", FOLDERS.data().toString(),
                "fitsflow.inbox.dir", FOLDERS.inbox().toString(),
                "fitsflow.outbox.dir", FOLDERS.outbox().toString(),
                "fitsflow.inbox.stable-seconds", "1",
                "fitsflow.inbox.poll-delay-ms", "200",
                "fitsflow.nights.quiet-minutes", "0.2",
                "fitsflow.nights.check-interval", "500ms");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        app = new SpringApplicationBuilder(FitsflowApplication.class).run(args);
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    @Order(1)
    void aNightArrivingAcrossARestartIsStackedOnceWhenItWentQuiet() throws Exception {
        SeestarSubs.drop(sub("night1_00"), subFolder);
        Thread.sleep(700);
        SeestarSubs.drop(sub("night1_01"), subFolder);
        awaitSubsTaken(NIGHT_1, 2);
        app.close();
        start();
        SeestarSubs.drop(sub("night1_02"), subFolder);

        JsonNode night = awaitNight(NIGHT_1, "done");

        assertThat(night.get("subs_taken").asInt()).isEqualTo(3);
        assertThat(night.get("subs_used").asInt()).isBetween(2, 3);
        assertThat(night.get("integration_seconds").asDouble()).isEqualTo(night.get("subs_used").asInt() * 10.0);
        assertThat(night.get("fwhm_median_px").asDouble()).isGreaterThan(0.5);
        assertThat(stackJobs("night_stack")).as("one stack of the night, over its three subs").hasSize(1)
                .allSatisfy(job -> assertThat(job.get("input_file_ids")).hasSize(3));
        assertThat(jobs().stream().filter(j -> j.get("pipeline_name").asText().equals("quick_dso"))).as("no preview per sub").isEmpty();
        String stem = "M 94 " + NIGHT_1 + " 3x10s";
        assertThat(OutboxFiles.all(FOLDERS.outbox())).contains("M 94/" + stem + ".jpg", "M 94/" + stem + ".fits",
                "M 94/" + stem + ".quality.json", "M 94/" + stem + ".quality.csv", "M 94/" + stem + ".quality.png",
                "M 94/" + stem + ".320.jpg");
        assertThat(OutboxFiles.temporary(FOLDERS.outbox())).isEmpty();
        assertThat(ImageIO.read(outbox.resolve(stem + ".320.jpg").toFile()).getHeight()).isEqualTo(320);
        try (Stream<Path> inbox = Files.walk(FOLDERS.inbox())) {
            assertThat(inbox.filter(Files::isRegularFile).count()).as("nothing written to the inbox").isEqualTo(3);
        }
    }

    @Test
    @Order(2)
    void aSecondNightGivesADeepStackWithLessNoiseThanEitherNight() throws Exception {
        for (String name : List.of("night2_00", "night2_01", "night2_02")) {
            SeestarSubs.drop(sub(name), subFolder);
            Thread.sleep(300);
        }
        JsonNode second = awaitNight(NIGHT_2, "done");
        JsonNode deep = awaitDeepStack("done");

        assertThat(deep.get("nights_used").asInt()).isEqualTo(2);
        assertThat(deep.get("integration_seconds").asDouble())
                .isEqualTo(night(NIGHT_1).get("integration_seconds").asDouble() + second.get("integration_seconds").asDouble());
        Path deepMaster = outbox.resolve("M 94 all nights.fits");
        assertThat(outbox.resolve("M 94 all nights.jpg")).isRegularFile();
        assertThat(outbox.resolve("M 94 all nights.320.jpg")).isRegularFile();
        Image master = FitsReader.read(deepMaster);
        assertThat(master.header().doubleValue("TOTALEXP")).contains(deep.get("integration_seconds").asDouble());
        double deepNoise = skyNoise(master);
        double first = skyNoise(FitsReader.read(outbox.resolve("M 94 " + NIGHT_1 + " 3x10s.fits")));
        double secondNoise = skyNoise(FitsReader.read(outbox.resolve("M 94 " + NIGHT_2 + " 3x10s.fits")));
        assertThat(deepNoise).as("sky noise of the deep stack against night 1 (%s) and night 2 (%s)", first, secondNoise)
                .isLessThan(first).isLessThan(secondNoise);
    }

    @Test
    @Order(3)
    void aLateSubReopensItsNightAndReplacesItsFiles() throws Exception {
        long deepJob = target().get("deep_stack").get("job_id").asLong();
        Path real = SharedFiles.m94Subs().get(0);
        SeestarSubs.drop(real, subFolder);

        Await.until("night 1 with four subs", STACK_TIMEOUT, () -> night(NIGHT_1),
                n -> n.get("subs_taken").asInt() == 4 && n.get("state").asText().equals("done"));
        JsonNode deep = Await.until("the deep stack over the restacked night", STACK_TIMEOUT, () -> target().get("deep_stack"),
                d -> d.get("job_id").asLong() != deepJob && d.get("state").asText().equals("done"));

        assertThat(deep.get("subs_used").asInt()).isGreaterThanOrEqualTo(5);
        List<String> files = OutboxFiles.all(FOLDERS.outbox());
        assertThat(files).contains("M 94/M 94 " + NIGHT_1 + " 4x10s.jpg", "M 94/M 94 " + NIGHT_1 + " 4x10s.fits")
                .noneMatch(f -> f.contains(NIGHT_1 + " 3x10s"));
        assertThat(stackJobs("night_stack")).as("night 1 twice, night 2 once").hasSize(3);
    }

    @Test
    @Order(4)
    void aSubOfAnotherFilterIsAnotherTarget() throws Exception {
        List<Path> subs = SharedFiles.m94Subs();
        Path folder = FOLDERS.root().resolve("lp");
        for (Path sub : subs.subList(1, 4)) {
            String name = sub.getFileName().toString().replace("IRCUT", "LP");
            SeestarSubs.drop(SeestarSubs.withFilter(sub, "LP", folder.resolve(name)), subFolder);
        }

        JsonNode lp = Await.until("the LP night", STACK_TIMEOUT, () -> api.get("/api/process/targets/m-94--lp/nights/" + NIGHT_1),
                a -> a.status() == 200 && a.json().get("state").asText().matches("done|failed")).json();

        assertThat(lp.get("state").asText()).as(lp.toString()).isEqualTo("done");
        assertThat(lp.get("subs_taken").asInt()).isEqualTo(3);
        assertThat(outbox.resolve("M 94 " + NIGHT_1 + " 3x10s LP.jpg")).isRegularFile();
        assertThat(target().get("nights_count").asInt()).isEqualTo(2);
        assertThat(night(NIGHT_1).get("subs_taken").asInt()).as("the IRCUT night keeps its own subs").isEqualTo(4);
    }

    @Test
    @Order(5)
    void theTargetsApiTellsTargetsNightsAndFrames() throws Exception {
        Path stacked = FOLDERS.inbox().resolve("MyWorks/NGC 7023");
        Files.createDirectories(stacked);
        Files.copy(SharedFiles.rgbNgc7023(), stacked.resolve("Stacked_12_NGC 7023_10.0s_IRCUT_20240730-230000.fit"));

        JsonNode frames = Await.until("the NGC 7023 frame", STACK_TIMEOUT, () -> targets(),
                list -> list.stream().anyMatch(t -> t.get("kind").asText().equals("frames") && !t.get("latest").isNull()))
                .stream().filter(t -> t.get("kind").asText().equals("frames")).findFirst().orElseThrow();
        assertThat(frames.get("id").asText()).isEqualTo("ngc-7023--ircut");
        assertThat(api.get("/api/process/targets/ngc-7023--ircut").json().get("frames").get(0).get("source").asText())
                .isEqualTo("telescope");

        JsonNode m94 = targets().stream().filter(t -> t.get("id").asText().equals(TARGET)).findFirst().orElseThrow();
        assertThat(m94.get("kind").asText()).isEqualTo("subs");
        assertThat(m94.get("name").asText()).isEqualTo("M 94");
        assertThat(m94.get("filter").asText()).isEqualTo("IRCUT");
        assertThat(m94.get("nights_count").asInt()).isEqualTo(2);
        assertThat(m94.get("last_night").asText()).isEqualTo(NIGHT_2);
        assertThat(m94.get("latest").get("title").asText()).isEqualTo("M 94 all nights");
        JsonNode night = night(NIGHT_1);
        assertThat(night.get("outputs").findValuesAsText("name")).contains("M 94 " + NIGHT_1 + " 4x10s.jpg");
        assertThat(api.get(night.get("image_url").asText()).status()).isEqualTo(200);
        assertThat(api.get(night.get("report_url").asText()).status()).isEqualTo(200);

        assertThat(api.get("/api/process/targets/nothing--none").status()).isEqualTo(404);
        assertThat(api.get("/api/process/targets/" + TARGET + "/nights/2020-01-01").json().get("error").asText()).isEqualTo("not found");
        ApiClient.Answer restack = api.postJson("/api/process/targets/" + TARGET + "/nights/" + NIGHT_2 + "/restack", "");
        assertThat(restack.status()).as(restack.body()).isEqualTo(202);
        assertThat(restack.json().get("state").asText()).isEqualTo("stacking");
        assertThat(api.postJson("/api/process/targets/" + TARGET + "/nights/" + NIGHT_2 + "/restack", "").status()).isEqualTo(409);
        awaitNight(NIGHT_2, "done");
    }

    /** The sky noise of the green plane, as the stacking tests measure it. */
    private static double skyNoise(Image image) {
        return BackgroundMesh.measure(image.plane(1), image.width(), image.height(), 64).noise();
    }

    private static Path sub(String name) {
        return made.stream().filter(p -> p.getFileName().toString().contains(name)).findFirst().orElseThrow();
    }

    private static List<JsonNode> jobs() {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/process/jobs?limit=1000").json().forEach(list::add);
        return list;
    }

    private static List<JsonNode> stackJobs(String pipeline) {
        return jobs().stream().filter(j -> j.get("pipeline_name").asText().equals(pipeline)).toList();
    }

    private static List<JsonNode> targets() {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/process/targets").json().get("targets").forEach(list::add);
        return list;
    }

    private static JsonNode target() {
        return api.get("/api/process/targets/" + TARGET).json();
    }

    private static JsonNode night(String date) {
        ApiClient.Answer answer = api.get("/api/process/targets/" + TARGET + "/nights/" + date);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static void awaitSubsTaken(String date, int subs) {
        Await.until("night " + date + " with " + subs + " subs", Duration.ofSeconds(30),
                () -> api.get("/api/process/targets/" + TARGET + "/nights/" + date),
                a -> a.status() == 200 && a.json().get("subs_taken").asInt() == subs);
    }

    private static JsonNode awaitNight(String date, String state) {
        JsonNode night = Await.until("night " + date + " " + state, STACK_TIMEOUT,
                () -> api.get("/api/process/targets/" + TARGET + "/nights/" + date),
                a -> a.status() == 200 && a.json().get("state").asText().matches(state + "|failed")).json();
        assertThat(night.get("state").asText()).as(night.toString()).isEqualTo(state);
        return night;
    }

    private static JsonNode awaitDeepStack(String state) {
        JsonNode deep = Await.until("the deep stack " + state, STACK_TIMEOUT, () -> target().get("deep_stack"),
                d -> d != null && !d.isNull() && d.get("state").asText().matches(state + "|failed"));
        assertThat(deep.get("state").asText()).as(deep.toString()).isEqualTo(state);
        return deep;
    }
}
