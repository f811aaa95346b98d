package org.fitsflow.processors.fits;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * Decompressed tiles seen as the big-endian byte stream of an uncompressed image, so that they go through
 * the same decoding and normalisation as plain files. Reads must ask for whole samples.
 */
final class BufferInput implements FitsInput {
    private final Buffer samples;
    private final int bytesPerSample;
    private long position;

    BufferInput(Buffer samples) {
        this.samples = samples;
        if (samples instanceof ByteBuffer) {
            bytesPerSample = 1;
        } else if (samples instanceof ShortBuffer) {
            bytesPerSample = 2;
        } else if (samples instanceof IntBuffer || samples instanceof FloatBuffer) {
            bytesPerSample = 4;
        } else if (samples instanceof LongBuffer || samples instanceof DoubleBuffer) {
            bytesPerSample = 8;
        } else {
            throw new IllegalArgumentException("unsupported buffer " + samples.getClass());
        }
    }

    @Override
    public int readFully(ByteBuffer dst) {
        int count = Math.min(dst.remaining() / bytesPerSample, samples.remaining());
        ByteBuffer target = dst.slice().order(java.nio.ByteOrder.BIG_ENDIAN);
        int start = samples.position();
        Buffer run = samples.slice().limit(count);
        if (run instanceof ByteBuffer b) {
            target.put(b);
        } else if (run instanceof ShortBuffer s) {
            target.asShortBuffer().put(s);
        } else if (run instanceof IntBuffer i) {
            target.asIntBuffer().put(i);
        } else if (run instanceof FloatBuffer f) {
            target.asFloatBuffer().put(f);
        } else if (run instanceof LongBuffer l) {
            target.asLongBuffer().put(l);
        } else {
            target.asDoubleBuffer().put((DoubleBuffer) run);
        }
        samples.position(start + count);
        int bytes = count * bytesPerSample;
        dst.position(dst.position() + bytes);
        position += bytes;
        return bytes;
    }

    @Override
    public long skip(long bytes) {
        throw new UnsupportedOperationException("decompressed tiles are read in order");
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long remaining() {
        return (long) samples.remaining() * bytesPerSample;
    }

    @Override
    public String description() {
        return "decompressed tiles";
    }

    @Override
    public void close() {
    }
}
