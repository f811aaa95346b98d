package org.fitsflow.processors.backend.gpu;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * Page-locked host memory through which planes cross to and from the device, several times faster than
 * from the Java heap (measured in {@code bench/README.md}, "Figures behind the code"); filling that memory
 * on one thread is slower than the driver's own copy, so {@link HostCopies}
 * fills and empties it on all cores. Two chunks take turns: the cores fill (or empty) one while the copy
 * engine moves the other. The copies run on a stream of their own that, being a blocking stream, waits
 * for the kernels launched before them and is waited for by those launched after.
 *
 * <p>Allocated when first needed and kept for the process; where page-locked memory cannot be had, and
 * for transfers under 1 MB, data go straight from and to the heap.
 */
final class PinnedStaging {
    private static final System.Logger LOG = System.getLogger(PinnedStaging.class.getName());
    private static final int CHUNK_BYTES = 8 << 20;
    private static final int MIN_STAGED_BYTES = 1 << 20;

    private final Pointer[] hosts = new Pointer[2];
    private final ByteBuffer[] chunks = new ByteBuffer[2];
    /** Recorded after each chunk's copy, so that the host knows when that chunk may be reused (or read). */
    private final CUevent[] moved = {new CUevent(), new CUevent()};
    private final CUstream stream = new CUstream();
    private boolean allocated;
    private boolean unavailable;

    DeviceBuffer upload(float[] values) {
        long bytes = (long) values.length * Sizeof.FLOAT;
        if (!staged(bytes)) {
            return DeviceBuffer.upload(values);
        }
        DeviceBuffer buffer = DeviceBuffer.allocate(bytes);
        try {
            int perChunk = CHUNK_BYTES / Sizeof.FLOAT;
            for (int k = 0, from = 0; from < values.length; k++, from += perChunk) {
                int slot = k % 2;
                int count = Math.min(perChunk, values.length - from);
                if (k >= 2) {
                    cuEventSynchronize(moved[slot]);
                }
                HostCopies.put(values, from, count, chunks[slot]);
                cuMemcpyHtoDAsync(buffer.pointer().withByteOffset((long) from * Sizeof.FLOAT), hosts[slot],
                        (long) count * Sizeof.FLOAT, stream);
                cuEventRecord(moved[slot], stream);
            }
            cuStreamSynchronize(stream);
            return buffer;
        } catch (RuntimeException e) {
            try {
                cuStreamSynchronize(stream);
            } catch (RuntimeException second) {
                e.addSuppressed(second);
            }
            buffer.close();
            throw e;
        }
    }

    void download(DeviceBuffer source, float[] target) {
        if (!downloadInChunks(source, target.length, Sizeof.FLOAT, (chunk, from, count) -> HostCopies.get(chunk, target, from, count))) {
            source.downloadTo(target);
        }
    }

    void download(DeviceBuffer source, short[] target) {
        if (!downloadInChunks(source, target.length, Sizeof.SHORT, (chunk, from, count) -> HostCopies.get(chunk, target, from, count))) {
            source.downloadTo(target);
        }
    }

    void download(DeviceBuffer source, byte[] target) {
        if (!downloadInChunks(source, target.length, Sizeof.BYTE, (chunk, from, count) -> HostCopies.get(chunk, target, from, count))) {
            source.downloadTo(target);
        }
    }

    /** Empties a page-locked chunk into elements {@code [from, from + count)} of the target array. */
    @FunctionalInterface
    private interface ChunkReader {
        void read(ByteBuffer chunk, int from, int count);
    }

    /**
     * Downloads {@code length} elements a chunk at a time, the next chunk's copy under way while the cores
     * empty this one; false, having done nothing, when the transfer is not staged.
     */
    private boolean downloadInChunks(DeviceBuffer source, int length, int elementBytes, ChunkReader reader) {
        if (!staged((long) length * elementBytes)) {
            return false;
        }
        int perChunk = CHUNK_BYTES / elementBytes;
        int chunkCount = (int) (((long) length + perChunk - 1) / perChunk);
        requestChunk(source, 0, Math.min(perChunk, length), elementBytes, 0);
        for (int k = 0; k < chunkCount; k++) {
            int from = k * perChunk;
            if (k + 1 < chunkCount) {
                // its chunk was emptied in the previous round
                int next = from + perChunk;
                requestChunk(source, next, Math.min(perChunk, length - next), elementBytes, (k + 1) % 2);
            }
            cuEventSynchronize(moved[k % 2]);
            reader.read(chunks[k % 2], from, Math.min(perChunk, length - from));
        }
        return true;
    }

    private void requestChunk(DeviceBuffer source, int from, int count, int elementBytes, int slot) {
        cuMemcpyDtoHAsync(hosts[slot], source.pointer().withByteOffset((long) from * elementBytes),
                (long) count * elementBytes, stream);
        cuEventRecord(moved[slot], stream);
    }

    /** Whether a transfer of this size goes through the page-locked chunks, allocating them the first time. */
    private boolean staged(long bytes) {
        if (bytes < MIN_STAGED_BYTES || unavailable) {
            return false;
        }
        if (!allocated) {
            try {
                allocate();
                allocated = true;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "no page-locked host memory ({0}): planes are copied from the heap", Failures.describe(e));
                release();
                unavailable = true;
                return false;
            }
        }
        return true;
    }

    private void allocate() {
        cuStreamCreate(stream, CUstream_flags.CU_STREAM_DEFAULT);
        for (int slot = 0; slot < 2; slot++) {
            cuEventCreate(moved[slot], CUevent_flags.CU_EVENT_DISABLE_TIMING);
            Pointer host = new Pointer();
            cuMemAllocHost(host, CHUNK_BYTES);
            hosts[slot] = host;
            chunks[slot] = host.getByteBuffer(0, CHUNK_BYTES).order(ByteOrder.nativeOrder());
        }
    }

    private void release() {
        for (int slot = 0; slot < 2; slot++) {
            if (hosts[slot] != null) {
                cuMemFreeHost(hosts[slot]);
                hosts[slot] = null;
                chunks[slot] = null;
            }
        }
    }
}
