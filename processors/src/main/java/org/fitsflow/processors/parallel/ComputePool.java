package org.fitsflow.processors.parallel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Supplier;

/**
 * The fork-join pool that every data-parallel loop of the processors runs in: one worker per core. A loop
 * started on another thread is handed over whole, and that thread waits for it, parked; a loop started
 * inside the pool (a loop within a loop) runs on the spot.
 *
 * <p>Why not the common pool, as parallel streams do by default: it has one worker fewer than there are
 * cores, because the calling thread is expected to help. When two jobs' threads call in at the same time,
 * each helps only with its own loop's tasks; a task of one job queued behind the other's is left to the
 * single worker, and the other thread spins in its help loop meanwhile, burning a core (a fifth of the job
 * threads' profile samples in batches on two cores); with no worker at all the two threads never finish.
 */
public final class ComputePool {
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        worker.setName("fitsflow-compute-" + worker.getPoolIndex());
        return worker;
    }, null, false);

    private ComputePool() {
    }

    /** Runs {@code loop} (which may use parallel streams) in the pool and returns once it has finished. */
    public static void run(Runnable loop) {
        get(() -> {
            loop.run();
            return null;
        });
    }

    /** Evaluates {@code loop} (which may use parallel streams) in the pool; its exceptions reach the caller as thrown. */
    public static <T> T get(Supplier<T> loop) {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread worker && worker.getPool() == POOL) {
            return loop.get();
        }
        try {
            return CompletableFuture.supplyAsync(loop, POOL).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
