package org.fitsflow.routes.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.fitsflow.routes.support.ApiClient;
import org.fitsflow.routes.support.Await;
import org.fitsflow.routes.support.PrometheusScrape;
import org.fitsflow.routes.support.SharedFiles;
import org.fitsflow.routes.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with an access token: every API path, Camel REST route and Spring MVC controller alike,
 * and {@code /actuator/prometheus} answer 401 with the API's JSON error without the token or with a
 * wrong one, and work with {@code Authorization: Bearer} or with the cookie the page's sign-in hands
 * out; the health check and the page's files stay open; neither the token nor a wrong one reaches the log
 * (checked after every test, on all the service logged since it started).
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fitsflow.security.token=" + AccessControlTest.TOKEN)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlTest {
    static final String TOKEN = "tok-4f0c2a9e7b1d46c8a5e3f9d27c61b08e";
    private static final String WRONG = "tok-wrong-9d8c7b6a5f4e3d2c1b0a";
    private static final String BEARER = "Bearer " + TOKEN;

    @RegisterExtension
    private static final TestFolders FOLDERS = TestFolders.create("access");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        FOLDERS.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext context;
    ApiClient anonymous;
    ApiClient authorized;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient(port);
        authorized = anonymous.with("Authorization", BEARER);
    }

    @Test
    @Order(1)
    void theHealthCheckAndThePagesFilesAreOpen() {
        // 503 until the inbox consumer has polled once; never 401
        ApiClient.Answer health = Await.until("the health check to say UP", Duration.ofSeconds(30),
                () -> anonymous.get("/actuator/health"), answer -> answer.status() != 503);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        for (String page : List.of("/", "/process.html", "/target.html", "/js/api.js", "/js/auth.js", "/js/viewer.js", "/css/process.css", "/css/gallery.css")) {
            assertThat(anonymous.get(page).status()).as(page).isEqualTo(200);
        }
        JsonNode status = anonymous.get("/api/auth/session").json();
        assertThat(status.get("token_required").asBoolean()).isTrue();
        assertThat(status.get("signed_in").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void withoutATokenEveryApiPathTheEventsTheUploadAndTheMetricsAre401WithTheJsonError() {
        for (ApiClient.Answer answer : protectedRequests(anonymous)) {
            assertUnauthorized(answer, "Authorization: Bearer");
        }
    }

    @Test
    @Order(3)
    void aWrongTokenIs401() {
        ApiClient wrong = anonymous.with("Authorization", "Bearer " + WRONG);
        for (ApiClient.Answer answer : protectedRequests(wrong)) {
            assertUnauthorized(answer, "the access token is wrong");
        }
        assertUnauthorized(anonymous.with("Authorization", "Bearer").get("/api/process/jobs"), "the access token is wrong");
        assertUnauthorized(anonymous.with("Cookie", AccessCheck.SESSION_COOKIE + "=" + TOKEN).get("/api/process/jobs"),
                "sign-in has ended");
    }

    @Test
    @Order(4)
    void theRightBearerTokenOpensTheRestRoutesTheUploadTheEventsTheDownloadAndTheMetrics() {
        long jobId = processFrame(authorized);

        ApiClient.Answer events = authorized.get("/api/process/jobs/" + jobId + "/events");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.header("Content-Type")).startsWith("text/event-stream");
        assertThat(events.body()).contains("event:status");
        assertThat(authorized.get("/api/process/jobs/" + jobId + "/download").status()).isEqualTo(200);
        assertThat(authorized.get("/api/openapi.json").status()).isEqualTo(200);
        assertThat(PrometheusScrape.of(authorized.get("/actuator/prometheus"))
                .value("fitsflow_jobs_total", "pipeline", "quick_dso", "status", "complete")).isGreaterThanOrEqualTo(1.0);
        // a lower-case scheme is the same scheme
        assertThat(anonymous.with("Authorization", "bearer " + TOKEN).get("/api/process/jobs").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void thePageTradesTheTokenForAnHttpOnlyStrictCookieThatOpensTheApiUntilItSignsOut() {
        assertUnauthorized(anonymous.postJson("/api/auth/session", "{\"token\": \"" + WRONG + "\"}"), "the access token is wrong");
        ApiClient.Answer malformed = anonymous.postJson("/api/auth/session", "{\"token\": " + TOKEN);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain(TOKEN);

        ApiClient.Answer signIn = anonymous.postJson("/api/auth/session", "{\"token\": \"" + TOKEN + "\"}");
        assertThat(signIn.status()).isEqualTo(204);
        String setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie).startsWith(AccessCheck.SESSION_COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=")
                .doesNotContain("Secure").doesNotContain(TOKEN);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        ApiClient browser = anonymous.with("Cookie", cookie);

        assertThat(browser.get("/api/auth/session").json().get("signed_in").asBoolean()).isTrue();
        long jobId = processFrame(browser);
        assertThat(browser.get("/api/process/jobs/" + jobId + "/events").status()).isEqualTo(200);
        assertThat(browser.get("/api/process/jobs/" + jobId + "/download").status()).isEqualTo(200);
        assertThat(browser.get("/actuator/prometheus").status()).isEqualTo(200);

        ApiClient.Answer signOut = browser.delete("/api/auth/session");
        assertThat(signOut.status()).isEqualTo(204);
        assertThat(signOut.header("Set-Cookie")).startsWith(AccessCheck.SESSION_COOKIE + "=;").contains("Max-Age=0");
        assertUnauthorized(browser.get("/api/process/jobs"), "sign-in has ended");
    }

    @Test
    @Order(6)
    void withATokenTheServiceListensOnEveryInterface() {
        Object address = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProperty("address");
        assertThat(address == null || ((InetAddress) address).isAnyLocalAddress()).as("bound to %s", address).isTrue();
    }

    @Test
    @Order(7)
    void theLogNamesWhatWasRefusedButNeverTheTokenNorAWrongOne(CapturedOutput log) {
        anonymous.with("Authorization", "Bearer " + WRONG).get("/api/process/jobs");
        anonymous.postJson("/api/auth/session", "{\"token\": \"" + WRONG + "\"}");
        anonymous.postJson("/api/auth/session", "{\"token\": \"" + TOKEN + "\"}");
        processFrame(authorized);

        assertThat(log.getAll()).as("the service's log, start-up included")
                .contains("Access token set").contains("Refused GET /api/process/jobs from 127.0.0.1: wrong access token")
                .contains("Refused a sign-in from 127.0.0.1").contains("signed in").contains("complete");
        // and after every test of this class: noTokenInTheLog
    }

    @AfterEach
    void noTokenInTheLog(CapturedOutput log) {
        assertThat(log.getAll()).doesNotContain(TOKEN).doesNotContain(WRONG);
    }

    private List<ApiClient.Answer> protectedRequests(ApiClient client) {
        return List.of(
                client.get("/api/process/jobs"),
                client.postJson("/api/process/sessions", "{\"session_name\": \"x\"}"),
                client.get("/api/process/pipelines"),
                client.get("/api/openapi.json"),
                client.uploadBody("/api/process/sessions/1/upload", SharedFiles.rgbNgc7023(), "frame.fit"),
                client.upload("/api/process/sessions/1/upload", SharedFiles.rgbNgc7023(), "frame.fit"),
                client.get("/api/process/jobs/1/events"),
                client.get("/api/process/jobs/1/download"),
                client.get("/api/process/jobs/1/thumbnails/a.320.jpg"),
                client.postJson("/api/process/jobs/1/restretch", "{}"),
                client.postJson("/api/process/jobs/1/keep", ""),
                client.get("/api/process/targets"),
                client.get("/api/no-such-path"),
                client.get("//api/process/jobs"),
                client.get("/js/../api/process/jobs"),
                client.get("/actuator/prometheus"),
                client.get("/actuator"));
    }

    private static void assertUnauthorized(ApiClient.Answer answer, String detail) {
        assertThat(answer.status()).as(answer.raw().uri() + ": " + answer.body()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(answer.json().get("detail").asText()).contains(detail);
    }

    private static long processFrame(ApiClient api) {
        long session = api.postJson("/api/process/sessions", "{\"session_name\": \"with a token\"}").json().get("id").asLong();
        ApiClient.Answer upload = api.upload("/api/process/sessions/" + session + "/upload", SharedFiles.rgbNgc7023(), "frame.fit");
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(api.postJson("/api/process/sessions/" + session + "/finalize", "").status()).isEqualTo(200);
        long jobId = api.postJson("/api/process/sessions/" + session + "/process", "{\"pipeline_name\": \"quick_dso\"}").json()
                .get("id").asLong();
        String end = Await.until("job " + jobId, Duration.ofMinutes(2),
                () -> api.get("/api/process/jobs/" + jobId).json().get("status").asText(), s -> !s.matches("queued|running"));
        assertThat(end).isEqualTo("complete");
        return jobId;
    }
}
