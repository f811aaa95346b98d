package org.fitsflow.routes.inbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.routes.config.FitsflowProperties;
import org.springframework.stereotype.Component;

/**
 * Decides when an inbox file is completely written. A plain FITS file with the image in its primary HDU
 * says how long it is: when its length is exactly that, and the next scan (one poll later) sees the same
 * length and mtime, it is complete. The second look is for copy tools that set a file's full size first
 * and fill it afterwards (SMB clients do): their writes keep moving the mtime. Only the header blocks are
 * read, and only when the size or mtime changed since the last scan.
 *
 * <p>Any other file is complete once its size and mtime have been seen unchanged for {@code stable-seconds}:
 * one shorter than its header declares, longer, gzip, tile-compressed, with the image in an extension,
 * empty or not FITS at all. So a copy that stops short (aborted) is still taken after that wait, and the
 * intake records a failed job saying it is truncated; the same happens to a slow copy that pauses for
 * longer than {@code stable-seconds} half way, and when it goes on, the grown file is taken again.
 *
 * <p>Deciding this before a file is taken (rather than waiting for it afterwards) matters: the file's
 * identity (path + size + mtime) is fixed when it is taken, so a file still growing must not be taken at all.
 *
 * <p>What a scan saw of a file is forgotten once no scan has seen the file for a while (a minute, or ten
 * polls if longer; swept that often, so at most twice that): files deleted or renamed in the inbox, and
 * sync tools' temporary names, would otherwise be remembered for as long as the service runs.
 */
@Component
public class InboxStability {
    private static final Duration MIN_MEMORY = Duration.ofMinutes(1);
    private static final int POLLS_REMEMBERED = 10;

    /** What a scan saw of a file, since when, whether it then had exactly its declared length, and when it was last seen. */
    private record Observation(long size, long mtimeMs, Instant since, boolean whole, Instant lastSeen) {
        boolean isSame(long otherSize, long otherMtimeMs) {
            return size == otherSize && mtimeMs == otherMtimeMs;
        }

        Observation seenAt(Instant now) {
            return new Observation(size, mtimeMs, since, whole, now);
        }
    }

    private final Clock clock;
    private final Duration stable;
    private final Duration memory;
    private final Map<String, Observation> seen = new ConcurrentHashMap<>();
    private Instant nextSweep = Instant.MIN;

    public InboxStability(Clock clock, FitsflowProperties properties) {
        this.clock = clock;
        this.stable = Duration.ofSeconds(properties.inbox().stableSeconds());
        Duration polls = Duration.ofMillis(properties.inbox().pollDelayMs()).multipliedBy(POLLS_REMEMBERED);
        this.memory = polls.compareTo(MIN_MEMORY) > 0 ? polls : MIN_MEMORY;
    }

    /** Records what a scan sees of the file and answers whether it is completely written. */
    public boolean isComplete(String path, long size, long mtimeMs) {
        Instant now = clock.instant();
        Observation last = seen.get(path);
        last = last != null && last.isSame(size, mtimeMs) ? last.seenAt(now)
                : new Observation(size, mtimeMs, now, hasItsDeclaredLength(Path.of(path), size), now);
        seen.put(path, last);
        forgetFilesNotSeenSince(now.minus(memory), now);
        return last.whole() && last.since().isBefore(now)
                || !last.since().plus(stable).isAfter(now) && !Instant.ofEpochMilli(mtimeMs).plus(stable).isAfter(now);
    }

    /** How many files' last look is remembered. */
    int remembered() {
        return seen.size();
    }

    private synchronized void forgetFilesNotSeenSince(Instant cutoff, Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(memory);
        seen.values().removeIf(observation -> observation.lastSeen().isBefore(cutoff));
    }

    private static boolean hasItsDeclaredLength(Path file, long size) {
        try {
            return FitsReader.primaryHduLength(file).equals(OptionalLong.of(size));
        } catch (IOException e) {
            // no whole FITS header yet, or none at all: the wait decides, and the intake records why it is unusable
            return false;
        }
    }
}
