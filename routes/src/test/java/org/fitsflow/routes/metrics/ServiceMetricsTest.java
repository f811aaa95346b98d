package org.fitsflow.routes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.processors.fits.HostileFitsCorpus;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.PrometheusScrape;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.fitsflow.routes.worker.LocalWorkers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on its embedded defaults, without a token: it listens on 127.0.0.1 only and asks for no
 * token, and {@code /actuator/prometheus} counts real jobs (an upload and three inbox files: complete,
 * refused, failed while running), their durations, the in-process queue, the inbox and the uploaded bytes.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// Spring Boot tests leave the Prometheus registry out unless asked; the packaged service has it (SecuredServiceJarIT)
@AutoConfigureObservability(tracing = false)
class ServiceMetricsTest {
    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("metrics");
    private static final Duration WAIT = Duration.ofMinutes(2);

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
        registry.add("fitsflow.executor-threads", () -> "1");
    }

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext context;
    @Autowired
    LocalWorkers executor;

    @Test
    void withoutATokenTheServiceListensOnLoopbackOnly() {
        Object address = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProperty("address");
        assertThat(address).isInstanceOf(InetAddress.class);
        assertThat(((InetAddress) address).getHostAddress()).isEqualTo("127.0.0.1");
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/process/jobs").status()).as("no token asked for").isEqualTo(200);
        assertThat(api.get("/api/auth/session").json().get("token_required").asBoolean()).isFalse();
        assertThat(api.postJson("/api/auth/session", "{\"token\": \"any-token-at-all-0123\"}").status())
                .as("nothing to sign in to").isEqualTo(409);
    }

    @Test
    void theMetricsCountJobsByPipelineAndEndTheirDurationsTheQueueTheInboxAndTheUploadedBytes() throws Exception {
        ApiClient api = new ApiClient(port);
        PrometheusScrape start = scrape(api);
        assertThat(start.value("fitsflow_compute_backend", "backend", "cpu")).isEqualTo(1.0);
        assertThat(start.value("fitsflow_queue_depth", "queue", "local")).isZero();
        assertThat(start.value("fitsflow_inbox_files_taken_total")).isZero();
        assertThat(start.value("fitsflow_upload_bytes_total")).isZero();

        // an upload, queued while the executor takes nothing
        Path frame = SharedFiles.rgbNgc7023();
        executor.stop();
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"metrics\"}").json().get("id").asLong();
        assertThat(api.uploadBody("/api/process/sessions/" + session + "/upload", frame, "frame.fit").status()).isEqualTo(201);
        api.postJson("/api/process/sessions/" + session + "/finalize", "");
        assertThat(api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}").status())
                .isEqualTo(202);
        assertThat(scrape(api).value("fitsflow_queue_depth", "queue", "local")).isEqualTo(1.0);
        executor.start();

        // inbox: a good frame, a text file named .fit (refused), and a FITS file whose pixels are all NaN (fails while running)
        Path source = Files.createDirectories(FOLDERS.root().resolve("sources"));
        Files.copy(frame, FOLDERS.inbox().resolve("good.fit"));
        Files.copy(HostileFitsCorpus.text(source), FOLDERS.inbox().resolve("notes.fit"));
        Files.copy(HostileFitsCorpus.allNaN(source), FOLDERS.inbox().resolve("all-nan.fit"));

        List<JsonNode> jobs = Await.until("the four jobs to end", WAIT, () -> jobs(api),
                list -> list.size() == 4 && list.stream().noneMatch(j -> j.get("status").asText().matches("queued|running")));
        assertThat(jobs).extracting(j -> j.get("status").asText()).containsExactlyInAnyOrder("complete", "complete", "failed", "failed");

        PrometheusScrape end = scrape(api);
        assertThat(end.value("fitsflow_jobs_total", "pipeline", "quick_dso", "status", "complete")).isEqualTo(2.0);
        assertThat(end.value("fitsflow_jobs_total", "pipeline", "quick_dso", "status", "failed")).isEqualTo(2.0);
        // the refused file's job never ran, so only three durations
        assertThat(end.value("fitsflow_job_duration_seconds_count", "pipeline", "quick_dso", "status", "complete")).isEqualTo(2.0);
        assertThat(end.value("fitsflow_job_duration_seconds_count", "pipeline", "quick_dso", "status", "failed")).isEqualTo(1.0);
        assertThat(end.value("fitsflow_job_duration_seconds_sum", "pipeline", "quick_dso", "status", "complete")).isPositive();
        for (String le : List.of("0.05", "1.0", "10.0", "60.0", "600.0")) {
            assertThat(end.value("fitsflow_job_duration_seconds_bucket", "pipeline", "quick_dso", "status", "complete", "le", le))
                    .as("bucket le=%s", le).isBetween(0.0, 2.0);
        }
        assertThat(end.value("fitsflow_job_duration_seconds_bucket", "pipeline", "quick_dso", "status", "complete", "le", "600.0"))
                .isEqualTo(2.0);
        assertThat(end.value("fitsflow_queue_depth", "queue", "local")).isZero();
        assertThat(end.value("fitsflow_inbox_files_taken_total")).isEqualTo(3.0);
        assertThat(end.value("fitsflow_inbox_files_refused_total")).isEqualTo(1.0);
        assertThat(end.value("fitsflow_upload_bytes_total")).isEqualTo(Files.size(frame));
    }

    private static PrometheusScrape scrape(ApiClient api) {
        return PrometheusScrape.of(api.get("/actuator/prometheus"));
    }

    private static List<JsonNode> jobs(ApiClient api) {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/process/jobs").json().forEach(list::add);
        return list;
    }
}
