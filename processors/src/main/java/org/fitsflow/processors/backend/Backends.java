package org.fitsflow.processors.backend;

import java.lang.System.Logger.Level;
import java.util.Optional;
import org.fitsflow.processors.backend.gpu.GpuBackend;
import org.fitsflow.processors.backend.gpu.GpuUnavailableException;

/**
 * Chooses the compute backend for a job: the GPU when JCuda finds a CUDA device and its kernels load,
 * else the CPU. The probe runs once per process (a failed native load cannot be retried anyway) and its
 * outcome is logged once. System property {@code fitsflow.gpu=false} keeps the GPU out.
 */
public final class Backends {
    static final String GPU_PROPERTY = "fitsflow.gpu";
    private static final System.Logger LOG = System.getLogger(Backends.class.getName());
    private static final CpuBackend CPU = new CpuBackend();
    private static Selection selection;

    private Backends() {
    }

    /** The CPU backend; it keeps no state, so one instance serves all jobs. */
    public static ComputeBackend cpu() {
        return CPU;
    }

    /** The fastest backend available on this machine; {@link ComputeBackend#isGpu()} tells which. */
    public static ComputeBackend select() {
        return selection().backend();
    }

    /** Why the GPU is not used (no driver, no device, kernels rejected, switched off); empty when it is. */
    public static Optional<String> gpuUnavailableReason() {
        return Optional.ofNullable(selection().gpuUnavailableReason());
    }

    private static synchronized Selection selection() {
        if (selection == null) {
            selection = probe();
        }
        return selection;
    }

    private static Selection probe() {
        if ("false".equalsIgnoreCase(System.getProperty(GPU_PROPERTY))) {
            return cpuBecause("switched off by -D" + GPU_PROPERTY + "=false");
        }
        long start = System.nanoTime();
        try {
            GpuBackend gpu = GpuBackend.open();
            LOG.log(Level.INFO, "compute backend: GPU, {0}", gpu.description());
            return new Selection(gpu, null);
        } catch (GpuUnavailableException e) {
            LOG.log(Level.INFO, "compute backend: CPU; GPU not used ({0} ms to find out): {1}",
                    (System.nanoTime() - start) / 1_000_000, e.getMessage());
            return new Selection(CPU, e.getMessage());
        }
    }

    private static Selection cpuBecause(String reason) {
        LOG.log(Level.INFO, "compute backend: CPU; GPU not used: {0}", reason);
        return new Selection(CPU, reason);
    }

    private record Selection(ComputeBackend backend, String gpuUnavailableReason) {
    }
}
