package org.fitsflow.processors.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ComputePoolTest {

    /** Two jobs' threads at once, as the service's executor runs them: their loops run on the pool's workers. */
    @Test
    @Timeout(60)
    void loopsOfTwoCallersAtOnceRunOnThePoolWhileTheCallersWait() throws Exception {
        Set<String> loopThreads = ConcurrentHashMap.newKeySet();
        CountDownLatch bothStarted = new CountDownLatch(2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<?>[] jobs = new Future<?>[2];
            for (int j = 0; j < 2; j++) {
                jobs[j] = callers.submit(() -> {
                    bothStarted.countDown();
                    await(bothStarted);
                    for (int round = 0; round < 50; round++) {
                        long sum = ComputePool.get(() -> IntStream.range(0, 64).parallel().mapToLong(i -> {
                            loopThreads.add(Thread.currentThread().getName());
                            return IntStream.range(0, 10_000).asLongStream().sum();
                        }).sum());
                        assertThat(sum).isEqualTo(64L * 49_995_000L);
                    }
                });
            }
            for (Future<?> job : jobs) {
                job.get(60, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(loopThreads).isNotEmpty().allMatch(name -> name.startsWith("fitsflow-compute-"));
    }

    /** A loop inside a loop must not wait for a free worker: with every worker inside the outer loop there is none. */
    @Test
    @Timeout(60)
    void aLoopWithinALoopRunsOnTheSpot() {
        int outer = 4 * Runtime.getRuntime().availableProcessors();
        long total = ComputePool.get(() -> IntStream.range(0, outer).parallel()
                .mapToLong(i -> ComputePool.get(() -> IntStream.range(0, 1000).parallel().asLongStream().sum()))
                .sum());

        assertThat(total).isEqualTo(outer * 499_500L);
    }

    @Test
    void anExceptionOfTheLoopReachesTheCallerAsThrown() {
        assertThatThrownBy(() -> ComputePool.run(() -> IntStream.range(0, 8).parallel().forEach(i -> {
            throw new UncheckedIOException(new IOException("disk gone"));
        }))).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
