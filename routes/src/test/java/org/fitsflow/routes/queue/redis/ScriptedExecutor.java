package org.fitsflow.routes.queue.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.routes.jobs.JobCancelledException;
import org.fitsflow.routes.jobs.JobExecutionException;
import org.fitsflow.routes.jobs.JobExecutor;
import org.fitsflow.routes.jobs.JobOutcome;
import org.fitsflow.routes.jobs.JobTicket;

/**
 * The queue tests' executor: writes one real output file per job into the job folder, reports two
 * progress steps, and counts runs, so that the tests see what the queue delivered and how often. The
 * real executors (in-process pipeline, Docker container) have their own tests.
 */
final class ScriptedExecutor implements JobExecutor {
    enum Behaviour { SUCCEED, FAIL_RETRYABLE, FAIL_FINAL, BLOCK_UNTIL_INTERRUPTED }

    private final Path dataDir;
    private final Behaviour behaviour;
    private final Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<Long, String> ranBy = new ConcurrentHashMap<>();
    final CountDownLatch started = new CountDownLatch(1);
    private volatile long workMillis;

    ScriptedExecutor(Path dataDir, Behaviour behaviour) {
        this.dataDir = dataDir;
        this.behaviour = behaviour;
    }

    ScriptedExecutor taking(long millis) {
        this.workMillis = millis;
        return this;
    }

    @Override
    public JobOutcome execute(JobTicket ticket, ProgressListener progress)
            throws JobExecutionException, JobCancelledException {
        runs.computeIfAbsent(ticket.jobId(), id -> new AtomicInteger()).incrementAndGet();
        ranBy.put(ticket.jobId(), Thread.currentThread().getName());
        started.countDown();
        progress.onProgress(10.0, "read");
        try {
            switch (behaviour) {
                case FAIL_RETRYABLE -> throw new JobExecutionException("container exited with code 137 (killed)", true);
                case FAIL_FINAL -> throw new JobExecutionException("not a FITS file: no SIMPLE card", false);
                case BLOCK_UNTIL_INTERRUPTED -> Thread.sleep(Long.MAX_VALUE);
                case SUCCEED -> Thread.sleep(workMillis);
            }
        } catch (InterruptedException e) {
            throw new JobCancelledException(ticket.jobId());
        }
        progress.onProgress(60.0, "histogram_stretch");
        String name = ticket.outputStem() + ".jpg";
        try {
            Path outputs = Files.createDirectories(ticket.outputsDir(dataDir));
            Files.writeString(outputs.resolve(name), "job " + ticket.jobId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JobOutcome(List.of(name), false, "cpu", "{\"stars\":" + ticket.jobId() + "}");
    }

    int runsOf(long jobId) {
        AtomicInteger count = runs.get(jobId);
        return count == null ? 0 : count.get();
    }

    String ranBy(long jobId) {
        return ranBy.get(jobId);
    }
}
