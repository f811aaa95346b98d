package org.fitsflow.routes.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The jobs this process runs right now, so that a cancel or a lost claim can stop the right thread. */
public class RunningJobs {
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    public Run enter(long jobId) {
        Run run = new Run(Thread.currentThread());
        runs.put(jobId, run);
        return run;
    }

    public void leave(long jobId, Run run) {
        runs.remove(jobId, run);
        // a stop that arrived after the job ended must not hit the thread's next job
        Thread.interrupted();
    }

    /** @return true when the job runs here and was stopped */
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

    public enum Stop { NONE, CANCELLED, CLAIM_LOST, SHUTDOWN }

    public static final class Run {
        private final Thread thread;
        private volatile Stop stop = Stop.NONE;

        private Run(Thread thread) {
            this.thread = thread;
        }

        public synchronized void stop(Stop why) {
            if (stop == Stop.NONE) {
                stop = why;
                thread.interrupt();
            }
        }

        public Stop stopped() {
            return stop;
        }
    }
}
