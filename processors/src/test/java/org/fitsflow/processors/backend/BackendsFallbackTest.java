package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.fitsflow.processors.backend.gpu.GpuBackend;
import org.fitsflow.processors.backend.gpu.GpuUnavailableException;
import org.junit.jupiter.api.Test;

/** Without a usable CUDA device the selection falls back to the CPU and says why, in one line. */
class BackendsFallbackTest {

    @Test
    void fallsBackToTheCpuWithTheReasonWhenThereIsNoDevice() {
        ComputeBackend selected = Backends.select();
        assumeFalse(selected.isGpu(), "a CUDA device is present here, so there is no fallback to check");

        System.out.println("GPU fallback: " + Backends.gpuUnavailableReason().orElseThrow());
        assertThat(selected).isSameAs(Backends.cpu());
        assertThat(selected.name()).isEqualTo("cpu");
        assertThat(Backends.gpuUnavailableReason()).hasValueSatisfying(reason -> {
            assertThat(reason).isNotBlank().doesNotContain("\n").doesNotContain("\tat ");
        });
        assertThat(Backends.select()).as("decided once per process").isSameAs(selected);
    }

    @Test
    void aFailedNativeLoadBecomesAReasonNotAnError() {
        assumeFalse(Backends.select().isGpu(), "a CUDA device is present here, so there is no failure to check");

        // the second attempt in a process meets a class whose native initialisation failed: still a reason
        assertThatThrownBy(GpuBackend::open)
                .isInstanceOf(GpuUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
    }
}
