package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Registered frames on disk, so that a night of hundreds of subs stacks in memory that does not grow with
 * their number: one temporary file per frame, channel planes one after the other, read back a band of rows
 * at a time with positional reads (not mapped: mapped pages would count in the process's resident memory).
 * Samples are 16-bit, the sub's own depth: a level of 1/65535 is a fraction of a sky noise of tens of levels,
 * and it halves the bytes written and read against float32. Code 0 stands for "no data" (outside the frame
 * after registration); data take codes 1 to 65535. Closing deletes the files.
 */
final class RegisteredFrameStore implements AutoCloseable {
    /** Data codes 1 to 65535 stand for code / LEVELS. */
    static final float LEVELS = 65535f;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());

    private final int width;
    private final int height;
    private final FileChannel[] frames;

    RegisteredFrameStore(Path directory, int frameCount, int width, int height) throws IOException {
        this.width = width;
        this.height = height;
        this.frames = new FileChannel[frameCount];
        for (int f = 0; f < frameCount; f++) {
            Path file = Files.createTempFile(directory, "registered-", ".u16");
            frames[f] = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        }
    }

    int size() {
        return frames.length;
    }

    /** A buffer for {@link #writeRows} or {@link #readRows} of up to {@code rows} rows. */
    ByteBuffer buffer(int rows) {
        return ByteBuffer.allocate(rows * width * 2).order(ByteOrder.nativeOrder());
    }

    /** Writes rows [y0, y0 + rows) of one channel of one frame from {@code values} (NaN: no data). */
    void writeRows(int frame, int channel, int y0, int rows, float[] values, ByteBuffer buffer) {
        buffer.clear();
        byte[] bytes = buffer.array();
        int n = rows * width;
        for (int i = 0; i < n; i++) {
            SHORTS.set(bytes, 2 * i, code(values[i]));
        }
        buffer.limit(n * 2);
        long position = offset(channel, y0);
        try {
            while (buffer.hasRemaining()) {
                frames[frame].write(buffer, position + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads rows [y0, y0 + rows) of one channel of one frame as codes into {@code codes}. */
    void readRows(int frame, int channel, int y0, int rows, ByteBuffer buffer, short[] codes) {
        buffer.clear();
        buffer.limit(rows * width * 2);
        long position = offset(channel, y0);
        try {
            while (buffer.hasRemaining()) {
                if (frames[frame].read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("registered frame file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        buffer.asShortBuffer().get(codes, 0, rows * width);
    }

    /**
     * The code of a value: the nearest level, ties up, within 1 to 65535; 0 for NaN. The same codes as
     * {@code Math.round(v * 65535)} clamped (checked on every float), without its general rounding: for
     * products from 0.5 to 2^23 the float sum p + 0.5 has the integer part of the exact sum, since rounding
     * never crosses an integer there; below 0.5 it may round up to 1, which the clamp gives anyway. NaN passes
     * the clamps and converts to 0.
     */
    static short code(float v) {
        return (short) (int) Math.min(Math.max(v * LEVELS + 0.5f, 1f), LEVELS);
    }

    /** The value of a code read back: NaN for "no data". */
    static float value(short code) {
        return code == 0 ? Float.NaN : (code & 0xffff) / LEVELS;
    }

    private long offset(int channel, int y0) {
        return ((long) channel * width * height + (long) y0 * width) * 2;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileChannel frame : frames) {
            try {
                frame.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
