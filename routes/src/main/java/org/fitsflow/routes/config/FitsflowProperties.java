package org.fitsflow.routes.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code fitsflow.*} settings. Defaults live in the bundled application.yaml (the Camel endpoint
 * placeholders read the same keys), so that the jar runs anywhere; {@code config/application.yaml}
 * overrides them.
 *
 * @param dataDir        database, uploads and job outputs
 * @param pipelinesDir   YAML files that add pipelines or replace built-in ones (optional)
 * @param queue          where queued jobs wait for a worker: {@link Queue}
 * @param executor       where a job's pipeline runs: {@link Executor}
 * @param executorThreads how many jobs run at once (worker threads of the in-process queue, or Redis worker slots)
 * @param shutdownGrace  on SIGTERM, how long running jobs may take to finish before they are handed back
 */
@ConfigurationProperties("fitsflow")
public record FitsflowProperties(
        Path dataDir,
        Path pipelinesDir,
        Queue queue,
        Executor executor,
        int executorThreads,
        Duration shutdownGrace,
        Inbox inbox,
        Outbox outbox,
        Upload upload,
        Retention retention,
        Nights nights) {

    /**
     * @param dir               the watched folder (never written to)
     * @param stableSeconds     a file that is not exactly as long as its FITS header declares is complete when
     *                          its size and mtime have not changed for this long
     * @param pipelines         pipelines run for every inbox file
     * @param pollDelayMs       pause between scans of the folder
     * @param include           file names taken (regular expression, case-insensitive)
     * @param exclude           file names never taken (hidden files, sync tools' temporary files)
     */
    public record Inbox(Path dir, int stableSeconds, List<String> pipelines, long pollDelayMs, String include,
                        String exclude) {
        public Inbox {
            pipelines = List.copyOf(pipelines);
        }
    }

    public record Outbox(Path dir) {
    }

    public record Upload(long maxBytes) {
    }

    /**
     * @param interval   time between sweeps
     * @param firstDelay time from start-up to the first sweep
     */
    public record Retention(int uploadsDays, int outputsDays, Duration interval, Duration firstDelay) {
    }

    /**
     * The inbox's raw subs, stacked per night and target.
     *
     * @param quietMinutes  a night closes when no sub of it arrived for this long (fractions allowed), or at the next local noon
     * @param pipeline      the pipeline over a night's subs ({@code subs: stack})
     * @param deepPipeline  the pipeline over a target's night masters
     * @param subPreviews   whether each raw sub also gets the inbox pipelines (a preview per frame)
     * @param checkInterval how often open nights and running stacks are looked at
     */
    public record Nights(double quietMinutes, String pipeline, String deepPipeline, boolean subPreviews,
                         Duration checkInterval) {
        public Duration quiet() {
            return Duration.ofMillis(Math.round(quietMinutes * 60_000));
        }
    }

    /** {@code fitsflow.queue}, bound from {@code local} or {@code redis} (any case). */
    public enum Queue {
        /** In-process, filled again from the database at start-up; the service's own threads run the jobs. */
        LOCAL,
        /**
         * A Redis stream ({@code fitsflow.redis.*}), at-least-once: worker slots in the service
         * ({@code executor-threads}) and in {@code fitsflow.role=worker} processes take the jobs.
         */
        REDIS;

        /** The value as written in the settings and in the metrics' {@code queue} tag. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code fitsflow.executor}, bound from {@code local} or {@code docker} (any case). */
    public enum Executor {
        /** In the process of the worker that took the job. */
        LOCAL,
        /** One container of the gpu-worker image per job ({@code fitsflow.docker.*}). */
        DOCKER
    }

    /** Whether every job runs in this process, on its inputs where they are: the in-process queue and executor. */
    public boolean runsJobsInProcess() {
        return queue == Queue.LOCAL && executor == Executor.LOCAL;
    }

    public Path databaseFile() {
        return dataDir.resolve("fitsflow.db");
    }

    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }

    public Path jobsDir() {
        return dataDir.resolve("jobs");
    }
}
