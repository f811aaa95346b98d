package org.fitsflow.processors.backend.gpu;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemsetD32;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;

/** Device memory owned by one operation: allocated on creation, freed by close (try-with-resources). */
final class DeviceBuffer implements AutoCloseable {
    private final CUdeviceptr pointer = new CUdeviceptr();
    private final long bytes;

    private DeviceBuffer(long bytes) {
        this.bytes = bytes;
        cuMemAlloc(pointer, Math.max(bytes, 1));
    }

    static DeviceBuffer allocate(long bytes) {
        return new DeviceBuffer(bytes);
    }

    static DeviceBuffer upload(float[] values) {
        DeviceBuffer buffer = new DeviceBuffer((long) values.length * Sizeof.FLOAT);
        try {
            cuMemcpyHtoD(buffer.pointer, Pointer.to(values), buffer.bytes);
            return buffer;
        } catch (RuntimeException e) {
            buffer.close();
            throw e;
        }
    }

    CUdeviceptr pointer() {
        return pointer;
    }

    void zero() {
        cuMemsetD32(pointer, 0, bytes / Sizeof.INT);
    }

    void downloadTo(float[] target) {
        cuMemcpyDtoH(Pointer.to(target), pointer, (long) target.length * Sizeof.FLOAT);
    }

    void downloadTo(int[] target) {
        cuMemcpyDtoH(Pointer.to(target), pointer, (long) target.length * Sizeof.INT);
    }

    void downloadTo(short[] target) {
        cuMemcpyDtoH(Pointer.to(target), pointer, (long) target.length * Sizeof.SHORT);
    }

    void downloadTo(byte[] target) {
        cuMemcpyDtoH(Pointer.to(target), pointer, target.length);
    }

    @Override
    public void close() {
        cuMemFree(pointer);
    }
}
