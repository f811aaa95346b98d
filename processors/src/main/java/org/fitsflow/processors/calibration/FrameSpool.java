package org.fitsflow.processors.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Frames of one kind waiting to be combined, one after the other in a single temporary float32 file, so that
 * a master of a hundred frames needs one frame and one band of rows of each in memory, not a hundred frames.
 * Reads are positional and may run from several threads. Closing deletes the file.
 */
final class FrameSpool implements AutoCloseable {
    private static final int WRITE_CHUNK_FLOATS = 1 << 16;

    private final FileChannel file;
    private final int width;
    private final long frameBytes;
    private int frames;

    FrameSpool(Path directory, int width, int height) throws IOException {
        Files.createDirectories(directory);
        this.file = FileChannel.open(Files.createTempFile(directory, "calibration-", ".f32"), StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        this.width = width;
        this.frameBytes = (long) width * height * Float.BYTES;
    }

    int frames() {
        return frames;
    }

    void append(float[] frame) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(WRITE_CHUNK_FLOATS * Float.BYTES).order(ByteOrder.nativeOrder());
        long position = frames * frameBytes;
        for (int from = 0; from < frame.length; from += WRITE_CHUNK_FLOATS) {
            int count = Math.min(WRITE_CHUNK_FLOATS, frame.length - from);
            bytes.clear();
            bytes.asFloatBuffer().put(frame, from, count);
            bytes.limit(count * Float.BYTES);
            while (bytes.hasRemaining()) {
                position += file.write(bytes, position);
            }
        }
        frames++;
    }

    /** Rows {@code [firstRow, firstRow + rows)} of frame {@code frame} into the start of {@code target}. */
    void readRows(int frame, int firstRow, int rows, float[] target) {
        ByteBuffer bytes = ByteBuffer.allocate(rows * width * Float.BYTES).order(ByteOrder.nativeOrder());
        long start = frame * frameBytes + (long) firstRow * width * Float.BYTES;
        try {
            while (bytes.hasRemaining()) {
                if (file.read(bytes, start + bytes.position()) < 0) {
                    throw new IOException("calibration spool ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FloatBuffer floats = bytes.flip().asFloatBuffer();
        floats.get(target, 0, rows * width);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
