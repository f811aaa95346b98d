package org.fitsflow.routes.queue.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.fitsflow.routes.jobs.JobTicket;

/** JSON of the messages in the Redis streams: tickets and worker events. */
final class QueueMessageCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            // a ticket's pipeline has optional settings (a stack's drizzle)
            .registerModule(new Jdk8Module())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            // a newer application may add fields; an older worker still reads the rest
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private QueueMessageCodec() {
    }

    static String encode(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + message, e);
        }
    }

    static JobTicket ticket(String json) {
        return decode(json, JobTicket.class);
    }

    static WorkerEvent event(String json) {
        return decode(json, WorkerEvent.class);
    }

    private static <T> T decode(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedQueueMessageException(type.getSimpleName() + " is no valid JSON: " + e.getOriginalMessage());
        }
    }
}
