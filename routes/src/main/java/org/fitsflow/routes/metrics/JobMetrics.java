package org.fitsflow.routes.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.fitsflow.routes.store.JobEndListener;
import org.fitsflow.routes.store.JobRecord;
import org.springframework.stereotype.Component;

/**
 * Jobs by pipeline and final status ({@code fitsflow_jobs_total}) and how long they ran
 * ({@code fitsflow_job_duration_seconds}, a histogram from the start of the job's last run to its end).
 * Fed by the database's record of each end, so a job run in this process and one run by a Redis worker
 * are counted alike and once. A job that ended without running (refused input, cancelled while queued)
 * is counted but has no duration.
 */
@Component
public class JobMetrics implements JobEndListener {
    /** From a quick preview (about 0.05 s) to a night's stack (minutes). */
    static final Duration[] DURATION_BUCKETS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10)};

    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void jobEnded(JobRecord job) {
        String status = job.status().wireName();
        Counter.builder("fitsflow.jobs").description("Jobs that ended, by pipeline and final status")
                .tag("pipeline", job.pipelineName()).tag("status", status)
                .register(registry).increment();
        if (job.startedAt() != null && job.completedAt() != null) {
            Timer.builder("fitsflow.job.duration").description("Run time of jobs, from the start of their last run to their end")
                    .tag("pipeline", job.pipelineName()).tag("status", status)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry)
                    .record(Duration.between(Instant.parse(job.startedAt()), Instant.parse(job.completedAt())));
        }
    }
}
