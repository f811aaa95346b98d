package org.fitsflow.processors.backend.gpu;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;

/**
 * The FitsFlow kernels loaded into the current context. First from the shipped PTX (ISA 6.3 for
 * compute 7.5, which every CUDA 12 driver compiles for its device and which needs no toolkit); when the
 * driver rejects it (an older device), from the CUDA source compiled by NVRTC for the device itself,
 * which needs libnvrtc.so.12.
 */
final class KernelModule {
    static final String SOURCE_RESOURCE = "fitsflow_kernels.cu";
    static final String PTX_RESOURCE = "fitsflow_kernels.ptx";
    private static final String[] KERNELS = {
        "histogramKeys", "stretchInPlace", "stretchTo8Bit", "stretchTo16Bit", "debayerBilinear", "convolveAxis"
    };

    private final Map<String, CUfunction> functions;
    private final String origin;

    private KernelModule(Map<String, CUfunction> functions, String origin) {
        this.functions = functions;
        this.origin = origin;
    }

    static KernelModule load(CudaDevice device) throws GpuUnavailableException {
        try {
            return fromPtx(resource(PTX_RESOURCE), "shipped PTX");
        } catch (RuntimeException ptxRejected) {
            try {
                String arch = "compute_" + device.computeMajor() + device.computeMinor();
                return fromPtx(compileWithNvrtc(resource(SOURCE_RESOURCE), arch), "NVRTC for " + arch);
            } catch (Throwable nvrtcFailed) {
                throw new GpuUnavailableException("the driver rejected the shipped PTX (" + ptxRejected.getMessage()
                        + ") and NVRTC could not compile the kernels (" + Failures.describe(nvrtcFailed) + ")", nvrtcFailed);
            }
        }
    }

    /** How the kernels were built for this device, for the log. */
    String origin() {
        return origin;
    }

    /** Launches a kernel on a grid of gridX x gridY blocks of blockX x blockY threads. */
    void launch(String kernel, int gridX, int gridY, int blockX, int blockY, int sharedBytes, Object... arguments) {
        Pointer[] parameters = new Pointer[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            parameters[i] = parameter(arguments[i]);
        }
        cuLaunchKernel(functions.get(kernel), gridX, gridY, 1, blockX, blockY, 1, sharedBytes, null,
                Pointer.to(parameters), null);
    }

    private static Pointer parameter(Object argument) {
        if (argument instanceof DeviceBuffer buffer) {
            return Pointer.to(buffer.pointer());
        } else if (argument instanceof Integer value) {
            return Pointer.to(new int[] {value});
        } else if (argument instanceof Long value) {
            return Pointer.to(new long[] {value});
        } else if (argument instanceof Float value) {
            return Pointer.to(new float[] {value});
        } else if (argument instanceof Double value) {
            return Pointer.to(new double[] {value});
        }
        throw new IllegalArgumentException("unsupported kernel argument type " + argument.getClass().getName());
    }

    private static KernelModule fromPtx(String ptx, String origin) {
        CUmodule module = new CUmodule();
        cuModuleLoadData(module, ptx);
        Map<String, CUfunction> functions = new HashMap<>();
        for (String name : KERNELS) {
            CUfunction function = new CUfunction();
            cuModuleGetFunction(function, module, name);
            functions.put(name, function);
        }
        return new KernelModule(functions, origin);
    }

    private static String compileWithNvrtc(String source, String arch) {
        JNvrtc.setExceptionsEnabled(true);
        nvrtcProgram program = new nvrtcProgram();
        JNvrtc.nvrtcCreateProgram(program, source, SOURCE_RESOURCE, 0, null, null);
        try {
            try {
                JNvrtc.nvrtcCompileProgram(program, 2, new String[] {"--gpu-architecture=" + arch, "--fmad=false"});
            } catch (RuntimeException e) {
                String[] log = new String[1];
                JNvrtc.nvrtcGetProgramLog(program, log);
                throw new IllegalStateException("NVRTC: " + log[0], e);
            }
            String[] ptx = new String[1];
            JNvrtc.nvrtcGetPTX(program, ptx);
            return ptx[0];
        } finally {
            JNvrtc.nvrtcDestroyProgram(program);
        }
    }

    static String resource(String name) {
        try (InputStream in = KernelModule.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("kernel resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
