package org.fitsflow.routes.queue.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.models.stream.PendingMessage;
import java.util.List;
import java.util.Optional;

/**
 * One worker's end of the jobs stream (one per worker thread: a blocking read holds its connection).
 * Takes new jobs through the consumer group, and first the jobs of workers that stopped renewing
 * their claim for longer than the visibility timeout (XAUTOCLAIM); Redis counts the deliveries.
 */
public class RedisJobConsumer {
    /**
     * Sets the entry's idle time and delivery count, only while this consumer still owns it (it may have been
     * re-delivered). JUSTID: the claim itself does not count as a delivery.
     */
    private static final String CLAIM_IF_OWNED = """
            local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1, ARGV[2])
            if #p == 0 then return 0 end
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[4], 'RETRYCOUNT', ARGV[5], 'JUSTID')
            return 1
            """;

    private final RedisConnector redis;
    private final RedisQueueSettings settings;
    private final QueueKeys keys;
    private final Consumer<String> me;

    public RedisJobConsumer(RedisConnector redis, RedisQueueSettings settings, String name) {
        this.redis = redis;
        this.settings = settings;
        this.keys = new QueueKeys(settings.keyPrefix());
        this.me = Consumer.from(keys.workers(), name);
    }

    public String name() {
        return me.getName();
    }

    /**
     * The next job for this worker: an abandoned one first, else a new one, waiting up to the read block
     * time. A ticket that cannot be read is returned as {@link UnreadableEntry} so that the caller can
     * fail its job and acknowledge it.
     */
    public Optional<TicketDelivery> next() {
        try {
            return abandoned().or(this::fresh);
        } catch (RedisCommandExecutionException e) {
            if (!ConsumerGroups.isMissingGroup(e)) {
                throw e;
            }
            // first use, or a Redis that lost its data
            ConsumerGroups.ensure(redis.commands(), keys.jobs(), keys.workers());
            return abandoned().or(this::fresh);
        }
    }

    private Optional<TicketDelivery> abandoned() {
        List<StreamMessage<String, String>> claimed = redis.commands().xautoclaim(keys.jobs(),
                XAutoClaimArgs.Builder.xautoclaim(me, settings.visibilityTimeout(), "0-0").count(1)).getMessages();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        StreamMessage<String, String> entry = claimed.get(0);
        List<PendingMessage> pending = redis.commands().xpending(keys.jobs(), me, Range.create(entry.getId(), entry.getId()), Limit.from(1));
        int attempt = pending.isEmpty() ? 1 : (int) pending.get(0).getRedeliveryCount();
        return Optional.of(toDelivery(entry, attempt));
    }

    private Optional<TicketDelivery> fresh() {
        List<StreamMessage<String, String>> read = redis.commands().xreadgroup(me,
                XReadArgs.Builder.block(settings.readBlock()).count(1), StreamOffset.lastConsumed(keys.jobs()));
        return read.isEmpty() ? Optional.empty() : Optional.of(toDelivery(read.get(0), 1));
    }

    private static TicketDelivery toDelivery(StreamMessage<String, String> entry, int attempt) {
        String jobId = entry.getBody().get("job_id");
        try {
            return new TicketDelivery(entry.getId(), QueueMessageCodec.ticket(entry.getBody().get("ticket")), attempt);
        } catch (MalformedQueueMessageException e) {
            throw new UnreadableEntry(entry.getId(), jobId == null ? -1 : Long.parseLong(jobId), e.getMessage());
        }
    }

    /** Resets the entry's idle time; false when another worker has taken the job over meanwhile. */
    public boolean renew(TicketDelivery delivery) {
        return claimIfOwned(delivery, 0, delivery.attempt());
    }

    /**
     * Gives the job back to the group at once, as if its claim had run out: the next worker that looks
     * for abandoned jobs takes it without waiting for the visibility timeout. The attempt is not counted,
     * since the job was stopped by this worker's shutdown and not by the job itself.
     */
    public void handBack(TicketDelivery delivery) {
        claimIfOwned(delivery, settings.visibilityTimeout().toMillis(), delivery.attempt() - 1);
    }

    private boolean claimIfOwned(TicketDelivery delivery, long idleMillis, int deliveries) {
        Long owned = redis.commands().eval(CLAIM_IF_OWNED, ScriptOutputType.INTEGER, new String[] {keys.jobs()},
                keys.workers(), me.getName(), delivery.entryId(), Long.toString(idleMillis), Integer.toString(deliveries));
        return owned != null && owned == 1L;
    }

    /** The job is settled (its final event is in the events stream): remove it from the stream. */
    public void acknowledge(String entryId) {
        redis.commands().xack(keys.jobs(), keys.workers(), entryId);
        redis.commands().xdel(keys.jobs(), entryId);
    }

    /** Kept for the message of the last attempt, which may run on another worker. */
    public void rememberFailure(long jobId, String reason) {
        redis.commands().hset(keys.lastFailure(), Long.toString(jobId), reason);
    }

    public Optional<String> lastFailure(long jobId) {
        return Optional.ofNullable(redis.commands().hget(keys.lastFailure(), Long.toString(jobId)));
    }

    public boolean isCancelled(long jobId) {
        return redis.commands().exists(keys.cancelled(jobId)) > 0;
    }

    /** A stream entry whose ticket cannot be decoded. */
    public static final class UnreadableEntry extends RuntimeException {
        private final String entryId;
        private final long jobId;

        UnreadableEntry(String entryId, long jobId, String reason) {
            super(reason);
            this.entryId = entryId;
            this.jobId = jobId;
        }

        public String entryId() {
            return entryId;
        }

        public long jobId() {
            return jobId;
        }
    }
}
