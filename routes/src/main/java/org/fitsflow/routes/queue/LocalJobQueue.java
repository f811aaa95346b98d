package org.fitsflow.routes.queue;

import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The in-process queue ({@code fitsflow.queue=local}). It is lost when the process ends, which is why
 * {@code JobRecovery} fills it again from the database at start-up.
 */
@Component
@ConditionalOnProperty(name = "fitsflow.queue", havingValue = "local", matchIfMissing = true)
public class LocalJobQueue implements JobQueue {
    private final BlockingQueue<Long> ids = new LinkedBlockingQueue<>();

    @Override
    public void submit(long jobId) {
        ids.add(jobId);
    }

    @Override
    public long take() throws InterruptedException {
        return ids.take();
    }

    @Override
    public OptionalLong depth() {
        return OptionalLong.of(ids.size());
    }
}
