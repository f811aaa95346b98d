package org.fitsflow.processors.backend;

/** Chooses the compute backend for a job. Only the CPU backend exists so far, so it is always chosen. */
public final class Backends {
    private static final CpuBackend CPU = new CpuBackend();

    private Backends() {
    }

    /** The CPU backend; it keeps no state, so one instance serves all jobs. */
    public static ComputeBackend cpu() {
        return CPU;
    }

    /** The fastest backend available on this machine. */
    public static ComputeBackend select() {
        return CPU;
    }
}
