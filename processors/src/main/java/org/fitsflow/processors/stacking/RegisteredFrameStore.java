package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Registered frames on disk, one temporary file per frame (channel planes one after the other, float32), so
 * that a night of hundreds of subs stacks in bounded memory: the combine reads the same band of rows from
 * every frame. Closing deletes the files.
 */
final class RegisteredFrameStore implements AutoCloseable {
    private final Path directory;
    private final int width;
    private final int height;
    private final int channels;
    private final List<FileChannel> frames = new ArrayList<>();

    RegisteredFrameStore(Path directory, int width, int height, int channels) {
        this.directory = directory;
        this.width = width;
        this.height = height;
        this.channels = channels;
    }

    int size() {
        return frames.size();
    }

    void add(float[][] planes) throws IOException {
        Path file = Files.createTempFile(directory, "registered-", ".f32");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        frames.add(channel);
        ByteBuffer buffer = ByteBuffer.allocate(width * 4 * 64).order(ByteOrder.nativeOrder());
        for (float[] plane : planes) {
            for (int offset = 0; offset < plane.length; ) {
                buffer.clear();
                int count = Math.min(plane.length - offset, buffer.capacity() / 4);
                buffer.asFloatBuffer().put(plane, offset, count);
                buffer.limit(count * 4);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                offset += count;
            }
        }
    }

    /** Reads rows [y0, y0 + rows) of one channel of one frame into {@code target}. */
    void readRows(int frame, int channel, int y0, int rows, float[] target) {
        long position = ((long) channel * width * height + (long) y0 * width) * 4;
        ByteBuffer buffer = ByteBuffer.allocate(rows * width * 4).order(ByteOrder.nativeOrder());
        try {
            FileChannel file = frames.get(frame);
            while (buffer.hasRemaining()) {
                if (file.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("registered frame file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        buffer.asFloatBuffer().get(target, 0, rows * width);
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
        frames.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
