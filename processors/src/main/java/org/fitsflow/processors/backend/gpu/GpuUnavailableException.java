package org.fitsflow.processors.backend.gpu;

/** No usable GPU: no driver, no device, or kernels the device cannot run. The message is the reason. */
public final class GpuUnavailableException extends Exception {
    public GpuUnavailableException(String reason) {
        super(reason);
    }

    public GpuUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
