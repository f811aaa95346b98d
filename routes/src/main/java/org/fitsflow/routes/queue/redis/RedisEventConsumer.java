package org.fitsflow.routes.queue.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's end of the events stream. Events stay pending until acknowledged, after they are
 * written to the database; after a crash of the application the pending ones are read again first.
 */
public class RedisEventConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(RedisEventConsumer.class);
    private static final int BATCH = 100;

    private final RedisConnector redis;
    private final RedisQueueSettings settings;
    private final QueueKeys keys;
    private final Consumer<String> me;
    private final RedisOutage outage = new RedisOutage("reading worker events");
    private boolean pendingChecked;

    public RedisEventConsumer(RedisConnector redis, RedisQueueSettings settings) {
        this.redis = redis;
        this.settings = settings;
        this.keys = new QueueKeys(settings.keyPrefix());
        this.me = Consumer.from(keys.application(), "application");
    }

    /**
     * A batch of events in the order the workers sent them; waits up to the read block time for one.
     * While Redis is unreachable it waits that long and returns none.
     */
    public List<ReceivedEvent> read() throws InterruptedException {
        try {
            List<ReceivedEvent> events = readWithGroup();
            outage.over();
            return events;
        } catch (RedisException e) {
            outage.begins(e);
            Thread.sleep(settings.readBlock().toMillis());
            return List.of();
        }
    }

    private List<ReceivedEvent> readWithGroup() {
        try {
            return readGroup();
        } catch (RedisCommandExecutionException e) {
            if (!ConsumerGroups.isMissingGroup(e)) {
                throw e;
            }
            // first use, or a Redis that lost its data
            ConsumerGroups.ensure(redis.commands(), keys.events(), keys.application());
            return readGroup();
        }
    }

    private List<ReceivedEvent> readGroup() {
        if (!pendingChecked) {
            List<ReceivedEvent> pending = decode(redis.commands().xreadgroup(me, XReadArgs.Builder.count(BATCH),
                    StreamOffset.from(keys.events(), "0-0")));
            if (!pending.isEmpty()) {
                return pending;
            }
            pendingChecked = true;
        }
        return decode(redis.commands().xreadgroup(me, XReadArgs.Builder.block(settings.readBlock()).count(BATCH),
                StreamOffset.lastConsumed(keys.events())));
    }

    public void acknowledge(ReceivedEvent event) {
        redis.commands().xack(keys.events(), keys.application(), event.entryId());
        redis.commands().xdel(keys.events(), event.entryId());
    }

    private List<ReceivedEvent> decode(List<StreamMessage<String, String>> entries) {
        List<ReceivedEvent> events = new ArrayList<>(entries.size());
        for (StreamMessage<String, String> entry : entries) {
            String json = entry.getBody().get("event");
            if (json == null) {
                // deleted while pending: nothing left to record
                continue;
            }
            try {
                events.add(new ReceivedEvent(entry.getId(), QueueMessageCodec.event(json)));
            } catch (MalformedQueueMessageException e) {
                // dropped, or it would block every later event
                LOG.warn("Dropping unreadable worker event {} for job {}: {}", entry.getId(), entry.getBody().get("job_id"), e.getMessage());
                redis.commands().xack(keys.events(), keys.application(), entry.getId());
                redis.commands().xdel(keys.events(), entry.getId());
            }
        }
        return events;
    }

    /** An event with its stream entry, to acknowledge it once recorded. */
    public record ReceivedEvent(String entryId, WorkerEvent event) {
    }
}
