package org.fitsflow.routes.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition (the database or the API) until it holds, instead of sleeping a fixed time. */
public final class Await {
    private static final Duration STEP = Duration.ofMillis(100);

    private Await() {
    }

    public static <T> T until(String what, Duration timeout, Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last value: " + last);
            }
            try {
                Thread.sleep(STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
            last = value.get();
        }
        return last;
    }
}
