package org.fitsflow.routes.api;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/process/jobs/{id}/events}: server-sent events with a job's progress until it reaches a
 * terminal state. A Spring MVC controller rather than a Camel REST route because a platform-http
 * consumer answers once per exchange and cannot keep a response open for streaming; SseEmitter can.
 *
 * <p>Events: {@code progress} ({@code {id, status, progress_percent, current_step}}) whenever one of them
 * changes, then one {@code status} with the whole job, after which the stream ends. Progress is read from
 * the database, which every executor writes, so this works whichever executor runs the job.
 */
@RestController
public class JobEventsController {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration MAX_STREAM = Duration.ofHours(2);

    private final JobStore jobs;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "fitsflow-job-events");
        t.setDaemon(true);
        return t;
    });

    public JobEventsController(JobStore jobs) {
        this.jobs = jobs;
    }

    @GetMapping(path = "/api/process/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable("id") long id) {
        jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id));
        SseEmitter emitter = new SseEmitter(MAX_STREAM.toMillis());
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        AtomicBoolean finished = new AtomicBoolean();
        task.set(poller.scheduleWithFixedDelay(() -> {
            if (finished.get()) {
                cancel(task);
                return;
            }
            try {
                if (send(id, emitter, last)) {
                    finished.set(true);
                    emitter.complete();
                }
            } catch (IOException | RuntimeException e) {
                // the client went away or the job was deleted
                finished.set(true);
                emitter.completeWithError(e);
            }
        }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> {
            finished.set(true);
            cancel(task);
        });
        emitter.onTimeout(() -> finished.set(true));
        return emitter;
    }

    /** @return true when the job has reached a terminal state and its last event is sent */
    private boolean send(long id, SseEmitter emitter, AtomicReference<String> last) throws IOException {
        JobRecord job = jobs.find(id).orElseThrow(() -> new IllegalStateException("job " + id + " was deleted"));
        Map<String, Object> progress = Map.of("id", id, "status", job.status().wireName(),
                "progress_percent", job.progressPercent(), "current_step", job.currentStep() == null ? "" : job.currentStep());
        String key = progress.get("status") + "|" + progress.get("progress_percent") + "|" + progress.get("current_step");
        if (!key.equals(last.getAndSet(key))) {
            emitter.send(SseEmitter.event().name("progress").data(progress, MediaType.APPLICATION_JSON));
        }
        if (job.status().isTerminal()) {
            emitter.send(SseEmitter.event().name("status").data(JobView.of(job), MediaType.APPLICATION_JSON));
            return true;
        }
        return false;
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> f = task.get();
        if (f != null) {
            f.cancel(false);
        }
    }

    @PreDestroy
    void shutdown() {
        poller.shutdownNow();
    }
}
