package org.fitsflow.processors.backend.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The shipped PTX must be built from the shipped source and declared in a form CUDA 12 drivers accept. */
class KernelResourcesTest {

    @Test
    void shippedPtxIsBuiltFromTheCurrentSource() throws Exception {
        String source = KernelModule.resource(KernelModule.SOURCE_RESOURCE);
        String ptx = KernelModule.resource(KernelModule.PTX_RESOURCE);
        String sha256 = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.US_ASCII)));

        assertThat(ptx.lines().findFirst())
                .as("PTX out of date: run processors/src/main/cuda/build-ptx.sh")
                .contains("// source-sha256: " + sha256);
    }

    @Test
    void ptxTargetsAnIsaEveryCuda12DriverAccepts() {
        String ptx = KernelModule.resource(KernelModule.PTX_RESOURCE);

        assertThat(ptx).contains("\n.version 6.3\n", "\n.target sm_75\n");
        for (String kernel : new String[] {"histogramKeys", "stretchInPlace", "stretchTo8Bit", "stretchTo16Bit",
                "debayerBilinear", "convolveAxis"}) {
            assertThat(ptx).contains(".visible .entry " + kernel + "(");
        }
    }
}
