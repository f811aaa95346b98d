package org.fitsflow.routes.api;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.fitsflow.routes.store.JobChanges;
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
 * the database, where every job's progress is written, so this works wherever the job runs: at once when
 * the job's row changes ({@link JobChanges}), and every second anyway, which also ends a stream whose
 * client has gone.
 */
@RestController
public class JobEventsController {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX_STREAM = Duration.ofHours(2);

    private final JobStore jobs;
    private final JobChanges changes;
    private final JobViews views;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "fitsflow-job-events");
        t.setDaemon(true);
        return t;
    });

    public JobEventsController(JobStore jobs, JobChanges changes, JobViews views) {
        this.jobs = jobs;
        this.views = views;
        this.changes = changes;
    }

    @GetMapping(path = "/api/process/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable("id") long id) {
        jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id));
        SseEmitter emitter = new SseEmitter(MAX_STREAM.toMillis());
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicBoolean finished = new AtomicBoolean();
        // every look runs on the one poller thread, so the events of a stream never interleave
        Runnable look = () -> {
            if (finished.get()) {
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
        };
        Runnable unwatch = changes.watch(id, () -> lookSoon(look));
        ScheduledFuture<?> polling = poller.scheduleWithFixedDelay(look, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        Runnable stop = () -> {
            finished.set(true);
            unwatch.run();
            polling.cancel(false);
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        return emitter;
    }

    /** @return true when the job has reached a terminal state and its last event is sent */
    private boolean send(long id, SseEmitter emitter, AtomicReference<String> last) throws IOException {
        JobRecord job = jobs.find(id).orElseThrow(() -> new IllegalStateException("job " + id + " was deleted"));
        JobProgressView progress = JobProgressView.of(job);
        String key = progress.status() + "|" + progress.progressPercent() + "|" + progress.currentStep();
        if (!key.equals(last.getAndSet(key))) {
            emitter.send(SseEmitter.event().name("progress").data(progress, MediaType.APPLICATION_JSON));
        }
        if (job.status().isTerminal()) {
            emitter.send(SseEmitter.event().name("status").data(views.of(job), MediaType.APPLICATION_JSON));
            return true;
        }
        return false;
    }

    /** Called from whichever thread changed the job: it must not wait for, nor fail because of, a stream. */
    private void lookSoon(Runnable look) {
        try {
            poller.execute(look);
        } catch (RejectedExecutionException e) {
            // shutting down: the streams end with the service
        }
    }

    @PreDestroy
    void shutdown() {
        poller.shutdownNow();
    }
}
