package org.fitsflow.routes.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this process runs right now, each with the thread that runs it, so that a cancel, a lost claim
 * or the end of the grace period at shutdown stops the right thread, and the thread can tell afterwards why
 * it was stopped. Shared by the in-process workers and the Redis worker slots.
 */
public class RunningJobs {
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    /** The calling thread runs the job from now on. */
    public Run enter(long jobId) {
        Run run = new Run(Thread.currentThread());
        runs.put(jobId, run);
        return run;
    }

    /** The job has left the thread; a stop that arrives later must not hit the thread's next job. */
    public void leave(long jobId, Run run) {
        run.finish();
        runs.remove(jobId, run);
        Thread.interrupted();
    }

    public boolean contains(long jobId) {
        return runs.containsKey(jobId);
    }

    /** @return true when the job runs here (it is stopped, unless something stopped it already) */
    public boolean cancel(long jobId) {
        Run run = runs.get(jobId);
        if (run == null) {
            return false;
        }
        run.stop(Stop.CANCELLED);
        return true;
    }

    /** How many jobs run here now. */
    public int size() {
        return runs.size();
    }

    /** Shutdown after the grace period: every job running here stops, to be handed back. */
    public void stopAll() {
        runs.values().forEach(run -> run.stop(Stop.SHUTDOWN));
    }

    /** Why a job's thread was stopped. */
    public enum Stop {
        NONE,
        CANCELLED,
        /** Another Redis worker took the job over: its claim ran out here. */
        CLAIM_LOST,
        SHUTDOWN
    }

    /** One job on one thread. */
    public static final class Run {
        private final Thread thread;
        private Stop stop = Stop.NONE;
        private boolean finished;

        private Run(Thread thread) {
            this.thread = thread;
        }

        /** Interrupts the job's thread, once, and only while the job is on it. */
        public synchronized void stop(Stop why) {
            if (stop == Stop.NONE && !finished) {
                stop = why;
                thread.interrupt();
            }
        }

        public synchronized Stop stopped() {
            return stop;
        }

        private synchronized void finish() {
            finished = true;
        }
    }
}
