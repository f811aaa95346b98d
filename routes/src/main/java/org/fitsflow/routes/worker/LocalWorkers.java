package org.fitsflow.routes.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fitsflow.processors.pipeline.ThrottledProgress;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.jobs.JobCancelledException;
import org.fitsflow.routes.jobs.JobExecutionException;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.queue.JobQueue;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.worker.RunningJobs.Run;
import org.fitsflow.routes.worker.RunningJobs.Stop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The workers of the in-process queue ({@code fitsflow.queue=local}): a fixed number of threads take job
 * ids from the queue and run them one at a time each with the {@link JobExecutor} ({@code fitsflow.executor}:
 * in this process or in a container), and {@link JobFinisher} ends them. A cancel stops the job's thread
 * ({@link RunningJobs}), which the executor turns into {@link JobCancelledException}. With
 * {@code fitsflow.queue=redis}, Redis worker slots run the jobs instead ({@code queue.redis.RedisWorker}).
 *
 * <p>The threads start once the application is ready, its Camel routes and so the REST API with it: a job
 * recovered at start-up (see {@link JobRecovery}) would otherwise run, and might finish, while the service
 * answers no request about it yet (5 s of a job on a loaded 2-core machine).
 *
 * <p>On shutdown the threads stop taking jobs and the running ones get the grace period to finish; those
 * still running after it are stopped, but stay {@code running} in the database: handed back, they run
 * again at the next start.
 */
@Component
@ConditionalOnProperty(name = "fitsflow.queue", havingValue = "local", matchIfMissing = true)
public class LocalWorkers implements SmartLifecycle, CancelSignal {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWorkers.class);

    private final JobQueue queue;
    private final JobStore jobs;
    private final FileStore files;
    private final JobTicketFactory tickets;
    private final JobExecutor executor;
    private final JobFinisher finisher;
    private final int threads;
    private final GracePeriod grace;
    private final RunningJobs running = new RunningJobs();
    private final List<Thread> workers = new ArrayList<>();
    /** The threads waiting for a job: the only ones stop() wakes (guarded by itself, with {@code stopping}). */
    private final Set<Thread> waiting = new HashSet<>();
    private volatile boolean stopping;
    /** Started as a lifecycle (guarded by this, as {@code ready}): the threads run while both hold. */
    private boolean started;
    private boolean ready;

    public LocalWorkers(JobQueue queue, JobStore jobs, FileStore files, JobTicketFactory tickets, JobExecutor executor,
                        JobFinisher finisher, FitsflowProperties properties) {
        this.queue = queue;
        this.jobs = jobs;
        this.files = files;
        this.tickets = tickets;
        this.executor = executor;
        this.finisher = finisher;
        this.threads = Math.max(1, properties.executorThreads());
        this.grace = new GracePeriod(properties.shutdownGrace());
    }

    @Override
    public synchronized void start() {
        started = true;
        if (ready) {
            startThreads();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void applicationReady() {
        ready = true;
        if (started) {
            startThreads();
        }
    }

    private void startThreads() {
        if (!workers.isEmpty()) {
            return;
        }
        stopping = false;
        for (int i = 1; i <= threads; i++) {
            Thread worker = new Thread(this::work, "fitsflow-job-" + i);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public synchronized void stop() {
        started = false;
        synchronized (waiting) {
            stopping = true;
            waiting.forEach(Thread::interrupt);
        }
        // the busy threads finish their job within the grace period
        if (!grace.awaitFinished("In-process workers", running::size)) {
            running.stopAll();
        }
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return started;
    }

    /** A cancel interrupts the thread running the job; false when it does not run here. */
    @Override
    public boolean send(long jobId) {
        return running.cancel(jobId);
    }

    private void work() {
        for (OptionalLong next = nextJob(); next.isPresent(); next = nextJob()) {
            long jobId = next.getAsLong();
            try {
                execute(jobId);
            } catch (RuntimeException e) {
                // the database itself failed; the job stays where it was and is recovered at the next start
                LOG.error("Job {}: could not record its state", jobId, e);
            }
        }
    }

    /**
     * The next job id; none once stopping. A job taken while stop() began is left alone: it is still queued
     * in the database and runs at the next start.
     */
    private OptionalLong nextJob() {
        Thread me = Thread.currentThread();
        while (true) {
            synchronized (waiting) {
                if (stopping) {
                    return OptionalLong.empty();
                }
                waiting.add(me);
            }
            long jobId;
            try {
                jobId = queue.take();
            } catch (InterruptedException e) {
                jobId = -1;
            }
            synchronized (waiting) {
                waiting.remove(me);
                if (!stopping && jobId >= 0) {
                    return OptionalLong.of(jobId);
                }
            }
        }
    }

    void execute(long jobId) {
        JobRecord queued = jobs.find(jobId).orElse(null);
        if (queued == null || running.contains(jobId) || !claim(queued)) {
            return;
        }
        JobRecord job = jobs.find(jobId).orElseThrow();
        Run run = running.enter(jobId);
        try {
            LOG.info("Job {}: {} on {} (attempt {})", jobId, job.pipelineName(), inputNames(job), job.attempts());
            JobOutcome outcome = executor.execute(tickets.ticketFor(job),
                    new ThrottledProgress((percent, step) -> jobs.progress(jobId, percent, step)));
            running.leave(jobId, run);
            finisher.complete(job, outcome);
        } catch (JobCancelledException e) {
            running.leave(jobId, run);
            if (!handedBack(job, run)) {
                finisher.cancelled(jobId);
            }
        } catch (JobExecutionException | IOException | RuntimeException e) {
            running.leave(jobId, run);
            if (!handedBack(job, run)) {
                finisher.fail(jobId, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            }
        } finally {
            running.leave(jobId, run);
        }
    }

    /** queued -> running, or a job that was running when the service stopped (re-delivered at start-up). */
    private boolean claim(JobRecord job) {
        return switch (job.status()) {
            case QUEUED -> jobs.start(job.id());
            case RUNNING -> true;
            default -> false;
        };
    }

    private List<String> inputNames(JobRecord job) {
        return job.inputFileIds().stream().map(id -> files.find(id).map(FileRecord::originalName).orElse("file " + id)).toList();
    }

    /**
     * True when the job was stopped by the end of the grace period at shutdown: it stays running and runs
     * again at the next start. A job cancelled meanwhile ends cancelled, whatever the error.
     */
    private boolean handedBack(JobRecord job, Run run) {
        if (run.stopped() == Stop.SHUTDOWN) {
            LOG.info("Job {}: handed back at shutdown; it runs again at the next start", job.id());
            return true;
        }
        return false;
    }
}
