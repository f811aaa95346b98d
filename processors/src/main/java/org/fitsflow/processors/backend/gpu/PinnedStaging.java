package org.fitsflow.processors.backend.gpu;

import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;

/**
 * Page-locked host memory through which planes cross to and from the device, a chunk at a time. On an
 * H200 host a 104 MB plane went up at 5.9 GB/s and down at 10 GB/s from the Java heap, and at 53 GB/s
 * from page-locked memory; filling that memory on one thread is slower than the driver's own copy, so
 * {@link HostCopies} fills and empties it on all cores. Allocated when first needed and kept for the
 * process; where page-locked memory cannot be had, and for transfers under 1 MB, data go straight from
 * and to the heap.
 */
final class PinnedStaging {
    private static final System.Logger LOG = System.getLogger(PinnedStaging.class.getName());
    private static final int CHUNK_BYTES = 32 << 20;
    private static final int MIN_STAGED_BYTES = 1 << 20;

    private ByteBuffer chunk;
    private Pointer host;
    private boolean unavailable;

    DeviceBuffer upload(float[] values) {
        long bytes = (long) values.length * Sizeof.FLOAT;
        if (!staged(bytes)) {
            return DeviceBuffer.upload(values);
        }
        DeviceBuffer buffer = DeviceBuffer.allocate(bytes);
        try {
            int perChunk = CHUNK_BYTES / Sizeof.FLOAT;
            for (int from = 0; from < values.length; from += perChunk) {
                int count = Math.min(perChunk, values.length - from);
                HostCopies.put(values, from, count, chunk);
                cuMemcpyHtoD(buffer.pointer().withByteOffset((long) from * Sizeof.FLOAT), host, (long) count * Sizeof.FLOAT);
            }
            return buffer;
        } catch (RuntimeException e) {
            buffer.close();
            throw e;
        }
    }

    void download(DeviceBuffer source, float[] target) {
        if (!staged((long) target.length * Sizeof.FLOAT)) {
            source.downloadTo(target);
            return;
        }
        int perChunk = CHUNK_BYTES / Sizeof.FLOAT;
        for (int from = 0; from < target.length; from += perChunk) {
            int count = Math.min(perChunk, target.length - from);
            cuMemcpyDtoH(host, source.pointer().withByteOffset((long) from * Sizeof.FLOAT), (long) count * Sizeof.FLOAT);
            HostCopies.get(chunk, target, from, count);
        }
    }

    void download(DeviceBuffer source, short[] target) {
        if (!staged((long) target.length * Sizeof.SHORT)) {
            source.downloadTo(target);
            return;
        }
        int perChunk = CHUNK_BYTES / Sizeof.SHORT;
        for (int from = 0; from < target.length; from += perChunk) {
            int count = Math.min(perChunk, target.length - from);
            cuMemcpyDtoH(host, source.pointer().withByteOffset((long) from * Sizeof.SHORT), (long) count * Sizeof.SHORT);
            HostCopies.get(chunk, target, from, count);
        }
    }

    void download(DeviceBuffer source, byte[] target) {
        if (!staged(target.length)) {
            source.downloadTo(target);
            return;
        }
        for (int from = 0; from < target.length; from += CHUNK_BYTES) {
            int count = Math.min(CHUNK_BYTES, target.length - from);
            cuMemcpyDtoH(host, source.pointer().withByteOffset(from), count);
            HostCopies.get(chunk, target, from, count);
        }
    }

    /** Whether a transfer of this size goes through the page-locked chunk, allocating it the first time. */
    private boolean staged(long bytes) {
        if (bytes < MIN_STAGED_BYTES || unavailable) {
            return false;
        }
        if (chunk == null) {
            try {
                Pointer allocated = new Pointer();
                cuMemAllocHost(allocated, CHUNK_BYTES);
                host = allocated;
                chunk = allocated.getByteBuffer(0, CHUNK_BYTES).order(ByteOrder.nativeOrder());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "no page-locked host memory ({0}): planes are copied from the heap", Failures.describe(e));
                unavailable = true;
                return false;
            }
        }
        return true;
    }
}
