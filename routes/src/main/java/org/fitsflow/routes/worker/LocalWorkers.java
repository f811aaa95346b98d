package org.fitsflow.routes.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.fitsflow.processors.pipeline.PipelineCancelledException;
import org.fitsflow.processors.pipeline.ThrottledProgress;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.executor.JobRunner;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.queue.JobQueue;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-process executor ({@code fitsflow.queue=local}): a fixed number of worker threads take job
 * ids from the queue and run them one at a time each. A cancel interrupts the worker's thread, which
 * the pipeline turns into {@code PipelineCancelledException}.
 *
 * <p>On shutdown the threads stop taking jobs and the running ones get the grace period to finish; those
 * still running after it are interrupted, but stay {@code running} in the database: handed back, they run
 * again at the next start (see {@link JobRecovery}).
 */
@Component
// with fitsflow.executor=docker its threads run each job in a container (executor.docker.ContainerJobRunner);
// with fitsflow.queue=redis, Redis workers run the jobs instead (queue.redis.RedisWorkerConfiguration)
@ConditionalOnProperty(name = "fitsflow.queue", havingValue = "local", matchIfMissing = true)
public class LocalWorkers implements SmartLifecycle, CancelSignal {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWorkers.class);

    private final JobQueue queue;
    private final JobStore jobs;
    private final FileStore files;
    private final JobRunner runner;
    private final JobFinisher finisher;
    private final int threads;
    private final GracePeriod grace;
    private final Map<Long, Thread> active = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    /** The threads waiting for a job: the only ones stop() wakes (guarded by itself, with {@code stopping}). */
    private final Set<Thread> waiting = new HashSet<>();
    private volatile boolean stopping;
    private volatile boolean handingBack;

    public LocalWorkers(JobQueue queue, JobStore jobs, FileStore files, JobRunner runner, JobFinisher finisher,
                        FitsflowProperties properties) {
        this.queue = queue;
        this.jobs = jobs;
        this.files = files;
        this.runner = runner;
        this.finisher = finisher;
        this.threads = Math.max(1, properties.executorThreads());
        this.grace = new GracePeriod(properties.shutdownGrace());
    }

    @Override
    public synchronized void start() {
        stopping = false;
        handingBack = false;
        for (int i = 1; i <= threads; i++) {
            Thread worker = new Thread(this::work, "fitsflow-job-" + i);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public synchronized void stop() {
        synchronized (waiting) {
            stopping = true;
            waiting.forEach(Thread::interrupt);
        }
        // the busy threads finish their job within the grace period
        if (!grace.awaitFinished("In-process executor", active::size)) {
            handingBack = true;
            active.values().forEach(Thread::interrupt);
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
        return !workers.isEmpty();
    }

    @Override
    public boolean send(long jobId) {
        // computeIfPresent is atomic with the worker's remove(): once a job has left `active`, no
        // interrupt meant for it can reach the next job of that thread.
        return active.computeIfPresent(jobId, (id, thread) -> {
            thread.interrupt();
            return thread;
        }) != null;
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
        if (queued == null || !claim(queued)) {
            return;
        }
        JobRecord job = jobs.find(jobId).orElseThrow();
        List<FileRecord> inputs = job.inputFileIds().stream().map(id -> files.find(id).orElseThrow()).toList();
        active.put(jobId, Thread.currentThread());
        try {
            LOG.info("Job {}: {} on {} (attempt {})", jobId, job.pipelineName(),
                    inputs.stream().map(FileRecord::originalName).toList(), job.attempts());
            JobOutcome outcome = runner.run(job, inputs, new ThrottledProgress((percent, step) -> jobs.progress(jobId, percent, step)));
            leaveActive(jobId);
            finisher.complete(job, outcome);
        } catch (PipelineCancelledException e) {
            leaveActive(jobId);
            if (!handedBack(job)) {
                finisher.cancelled(jobId);
            }
        } catch (IOException | RuntimeException e) {
            leaveActive(jobId);
            if (!handedBack(job)) {
                finisher.fail(jobId, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            }
        } catch (OutOfMemoryError e) {
            leaveActive(jobId);
            long bytes = inputs.stream().mapToLong(FileRecord::sizeBytes).sum();
            finisher.fail(jobId, "not enough memory to process " + bytes + " bytes of images; "
                    + "give the service more heap (-Xmx) or fewer executor threads");
        } finally {
            leaveActive(jobId);
        }
    }

    /** queued -> running, or a job that was running when the service stopped (re-delivered at start-up). */
    private boolean claim(JobRecord job) {
        if (active.containsKey(job.id())) {
            return false;
        }
        return switch (job.status()) {
            case QUEUED -> jobs.start(job.id());
            case RUNNING -> true;
            default -> false;
        };
    }

    /**
     * True when the interrupt or error came from the end of the grace period at shutdown: the job stays
     * running and runs again at the next start. A job cancelled meanwhile ends cancelled, whatever the error.
     */
    private boolean handedBack(JobRecord job) {
        if (handingBack) {
            LOG.info("Job {}: handed back at shutdown; it runs again at the next start", job.id());
            return true;
        }
        return false;
    }

    private void leaveActive(long jobId) {
        active.remove(jobId);
        // a cancel that arrived after the pipeline ended must not hit the next job of this thread
        Thread.interrupted();
    }
}
