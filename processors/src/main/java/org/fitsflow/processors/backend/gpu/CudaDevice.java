package org.fitsflow.processors.backend.gpu;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;

/**
 * The first CUDA device and its primary context, retained for the life of the process: the context is
 * shared by every thread that uses the GPU backend, which makes it current before each operation.
 */
final class CudaDevice {
    private final CUcontext context;
    private final String name;
    private final int computeMajor;
    private final int computeMinor;
    private final int multiprocessors;
    private final int driverVersion;

    private CudaDevice(CUcontext context, String name, int computeMajor, int computeMinor, int multiprocessors, int driverVersion) {
        this.context = context;
        this.name = name;
        this.computeMajor = computeMajor;
        this.computeMinor = computeMinor;
        this.multiprocessors = multiprocessors;
        this.driverVersion = driverVersion;
    }

    /** Loads the driver binding (UnsatisfiedLinkError without libcuda), initialises the driver and opens device 0. */
    static CudaDevice first() throws GpuUnavailableException {
        JCudaDriver.setExceptionsEnabled(true);
        cuInit(0);
        int[] count = {0};
        cuDeviceGetCount(count);
        if (count[0] == 0) {
            throw new GpuUnavailableException("the CUDA driver reports no device");
        }
        CUdevice device = new CUdevice();
        cuDeviceGet(device, 0);
        byte[] nameBytes = new byte[256];
        cuDeviceGetName(nameBytes, nameBytes.length, device);
        int[] version = {0};
        cuDriverGetVersion(version);
        CUcontext context = new CUcontext();
        cuDevicePrimaryCtxRetain(context, device);
        cuCtxSetCurrent(context);
        return new CudaDevice(context, cString(nameBytes),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
                version[0]);
    }

    void makeCurrent() {
        cuCtxSetCurrent(context);
    }

    String name() {
        return name;
    }

    int computeMajor() {
        return computeMajor;
    }

    int computeMinor() {
        return computeMinor;
    }

    int multiprocessors() {
        return multiprocessors;
    }

    /** E.g. "NVIDIA H100 80GB HBM3, compute 9.0, driver CUDA 12.4". */
    String describe() {
        return name + ", compute " + computeMajor + "." + computeMinor
                + ", driver CUDA " + driverVersion / 1000 + "." + driverVersion % 1000 / 10;
    }

    private static int attribute(CUdevice device, int attribute) {
        int[] value = {0};
        cuDeviceGetAttribute(value, attribute, device);
        return value[0];
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }
}
