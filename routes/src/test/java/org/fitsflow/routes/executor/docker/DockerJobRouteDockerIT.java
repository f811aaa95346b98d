package org.fitsflow.routes.executor.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.jobs.JobCancelledException;
import org.fitsflow.routes.jobs.JobExecutionException;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobTicket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The docker route against a real Docker daemon and the gpu-worker image built from this checkout: a
 * real Seestar frame processed in a container, a container killed mid-job, a timeout, a bad file, a
 * cancel. Every container is removed afterwards.
 */
class DockerJobRouteDockerIT {
    private static final Path FRAME = Path.of(System.getProperty("fitsflow.shared", "../../shared"), "data/frames/seestar-rgb-ngc7023.fit");
    private static final Duration WAIT = Duration.ofMinutes(3);

    static DockerClient docker;
    static String image;
    static PipelineDefinition quickDso;

    @TempDir
    Path dataDir;
    CamelContext camel;

    @BeforeAll
    static void daemonAndImage() throws Exception {
        docker = DockerDaemon.connect();
        image = DockerDaemon.buildWorkerImage(docker);
        quickDso = PipelineLibrary.builtIn("quick_dso");
    }

    @AfterAll
    static void close() throws Exception {
        if (docker != null) {
            docker.close();
        }
    }

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void processesARealFrameInItsOwnContainerAndRemovesIt() throws Exception {
        DockerExecutor executor = executor(settings(Duration.ofMinutes(5)));
        JobTicket ticket = stage(21, FRAME);
        List<String> steps = new CopyOnWriteArrayList<>();
        List<Double> percents = new CopyOnWriteArrayList<>();

        JobOutcome outcome = executor.execute(ticket, (percent, step) -> {
            steps.add(step);
            percents.add(percent);
        });

        assertThat(outcome.outputFiles()).containsExactly("seestar-rgb-ngc7023.quick_dso.jpg");
        assertThat(outcome.gpuUsed()).isFalse();
        assertThat(outcome.backend()).isEqualTo("cpu");
        assertThat(outcome.measurementsJson()).contains("histogram_stretch");
        Path jpeg = dataDir.resolve("jobs/21/outputs/seestar-rgb-ngc7023.quick_dso.jpg");
        byte[] head = Files.readAllBytes(jpeg);
        assertThat(head.length).isGreaterThan(100_000);
        assertThat(head[0] & 0xff).isEqualTo(0xff);
        assertThat(head[1] & 0xff).isEqualTo(0xd8);
        assertThat(steps).containsSubsequence("reading", "histogram_stretch", "export_jpeg", "done");
        assertThat(percents).isSorted().endsWith(100.0);
        assertThat(DockerDaemon.containersOfJob(docker, dataDir, 21)).as("container removed").isEmpty();
    }

    @Test
    void aContainerKilledMidJobGivesAFailedJobWithTheReason() throws Exception {
        DockerExecutor executor = executor(settings(Duration.ofMinutes(5)));
        JobTicket ticket = stage(22, FRAME);
        AtomicReference<InspectContainerResponse> seen = new AtomicReference<>();
        CountDownLatch killed = new CountDownLatch(1);

        ProgressListener killOnFirstProgress = (percent, step) -> {
            if (killed.getCount() == 0) {
                return;
            }
            Container container = DockerDaemon.containersOfJob(docker, dataDir, 22).get(0);
            seen.set(docker.inspectContainerCmd(container.getId()).exec());
            docker.killContainerCmd(container.getId()).exec();
            killed.countDown();
        };

        assertThatThrownBy(() -> executor.execute(ticket, killOnFirstProgress))
                .isInstanceOf(JobExecutionException.class)
                .hasMessage("the job container was killed (exit code 137) before it finished")
                .satisfies(e -> assertThat(((JobExecutionException) e).retryable()).isTrue());
        assertThat(killed.getCount()).isZero();
        assertThat(DockerDaemon.containersOfJob(docker, dataDir, 22)).as("container removed").isEmpty();
        assertThat(dataDir.resolve("jobs/22/outputs")).isEmptyDirectory();

        // the limits the container ran under
        var host = seen.get().getHostConfig();
        assertThat(host.getMemory()).isEqualTo(4L << 30);
        assertThat(host.getMemorySwap()).isEqualTo(4L << 30);
        assertThat(host.getNanoCPUs()).isEqualTo(2_000_000_000L);
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(host.getBinds()).extracting(b -> b.getPath() + ":" + b.getVolume().getPath())
                .containsExactly(dataDir.resolve("jobs/22").toAbsolutePath() + ":/job");
        assertThat(seen.get().getConfig().getUser()).isEqualTo("10001:10001");
        assertThat(seen.get().getConfig().getImage()).isEqualTo(image);
    }

    @Test
    void aJobPastItsTimeoutIsStoppedAndFails() throws Exception {
        DockerExecutor executor = executor(settings(Duration.ofMillis(300)));
        JobTicket ticket = stage(23, FRAME);

        assertThatThrownBy(() -> executor.execute(ticket, (percent, step) -> { }))
                .isInstanceOf(JobExecutionException.class)
                .hasMessage("timed out: the job ran longer than 0.3 s and its container was stopped")
                .satisfies(e -> assertThat(((JobExecutionException) e).retryable()).isFalse());
        assertThat(DockerDaemon.containersOfJob(docker, dataDir, 23)).isEmpty();
    }

    @Test
    void aBadFileFailsWithTheWorkersReasonAndIsNotRetried() throws Exception {
        DockerExecutor executor = executor(settings(Duration.ofMinutes(5)));
        Path notFits = Files.writeString(dataDir.resolve("notes.fit"), "these are observing notes, not an image\n".repeat(100));
        JobTicket ticket = stage(24, notFits);

        assertThatThrownBy(() -> executor.execute(ticket, (percent, step) -> { }))
                .isInstanceOf(JobExecutionException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).containsIgnoringCase("fits").doesNotContain("Exception");
                    assertThat(((JobExecutionException) e).retryable()).isFalse();
                });
        assertThat(DockerDaemon.containersOfJob(docker, dataDir, 24)).isEmpty();
    }

    @Test
    void anInterruptStopsTheContainer() throws Exception {
        DockerExecutor executor = executor(settings(Duration.ofMinutes(5)));
        JobTicket ticket = stage(25, FRAME);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                executor.execute(ticket, (percent, step) -> running.countDown());
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        worker.start();
        assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Instant cancelAt = Instant.now();

        worker.interrupt();
        worker.join(WAIT.toMillis());

        assertThat(thrown.get()).isInstanceOf(JobCancelledException.class);
        assertThat(Duration.between(cancelAt, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(DockerDaemon.containersOfJob(docker, dataDir, 25)).isEmpty();
    }

    @Test
    void aContainerLeftByAnEarlierAttemptIsRemovedBeforeTheJobRunsAgain() throws Exception {
        DockerExecutor executor = executor(settings(Duration.ofMinutes(5)));
        JobTicket ticket = stage(26, FRAME);
        // what a worker that died mid-job leaves behind: a container of the job still running
        String leftover = docker.createContainerCmd(image).withName(ContainerNames.prefix(dataDir, 26) + "earlier")
                .withEntrypoint("sleep").withCmd("600").exec().getId();
        docker.startContainerCmd(leftover).exec();
        String otherJob = docker.createContainerCmd(image).withName(ContainerNames.prefix(dataDir, 260) + "other")
                .withEntrypoint("sleep").withCmd("600").exec().getId();

        JobOutcome outcome = executor.execute(ticket, (percent, step) -> { });

        assertThat(outcome.outputFiles()).containsExactly("seestar-rgb-ngc7023.quick_dso.jpg");
        assertThat(DockerDaemon.containersOfJob(docker, dataDir, 26)).extracting(Container::getId).doesNotContain(leftover);
        assertThat(DockerDaemon.containersOfJob(docker, dataDir, 260)).extracting(Container::getId)
                .as("another job's container is left alone").containsExactly(otherJob);
        docker.removeContainerCmd(otherJob).withForce(true).exec();
    }

    private DockerExecutorSettings settings(Duration timeout) {
        return new DockerExecutorSettings(image, DockerDaemon.SOCKET, "none", DataSize.ofGigabytes(4), 2.0,
                "10001:10001", timeout, null);
    }

    private DockerExecutor executor(DockerExecutorSettings settings) throws Exception {
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("fitsflow.docker.socket", settings.socket());
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new DockerJobRoute(new JobContainerSpec(settings), new ContainerLogFollower(docker, settings.timeout()),
                new ContainerEndReader(settings), new LeftoverContainers(docker)));
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        return new DockerExecutor(template, dataDir, settings);
    }

    private JobTicket stage(long jobId, Path input) throws Exception {
        JobTicket ticket = new JobTicket(jobId, "jobs/" + jobId, List.of(input.getFileName().toString()), quickDso,
                input.getFileName().toString().replaceFirst("\\.fit$", "") + ".quick_dso");
        Path staged = ticket.inputs(dataDir).get(0);
        Files.createDirectories(staged.getParent());
        Files.copy(input, staged);
        return ticket;
    }
}
