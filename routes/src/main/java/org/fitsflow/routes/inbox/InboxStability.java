package org.fitsflow.routes.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fitsflow.routes.config.FitsflowProperties;
import org.springframework.stereotype.Component;

/**
 * Decides when an inbox file is completely written: its size and modification time have been seen
 * unchanged for {@code stable-seconds}. Deciding this before a file is taken (rather than waiting for
 * it afterwards) matters: the file's identity (path + size + mtime) is fixed when it is taken, so a file
 * still growing must not be taken at all.
 */
@Component
public class InboxStability {
    private record Observation(long size, long mtimeMs, Instant since) {
    }

    private final Clock clock;
    private final Duration stable;
    private final Map<String, Observation> seen = new ConcurrentHashMap<>();

    public InboxStability(Clock clock, FitsflowProperties properties) {
        this.clock = clock;
        this.stable = Duration.ofSeconds(properties.inbox().stableSeconds());
    }

    /** Records what a scan sees of the file and answers whether it has stayed the same long enough. */
    public boolean isComplete(String path, long size, long mtimeMs) {
        Instant now = clock.instant();
        Observation last = seen.compute(path, (p, previous) ->
                previous != null && previous.size() == size && previous.mtimeMs() == mtimeMs
                        ? previous : new Observation(size, mtimeMs, now));
        return !last.since().plus(stable).isAfter(now) && !Instant.ofEpochMilli(mtimeMs).plus(stable).isAfter(now);
    }
}
