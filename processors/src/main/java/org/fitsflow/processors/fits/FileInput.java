package org.fitsflow.processors.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** An uncompressed FITS file; its length is known, so declared sizes are checked before allocating. */
final class FileInput implements FitsInput {
    private final FileChannel channel;
    private final long size;
    private long position;

    FileInput(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        channel.position(0);
    }

    @Override
    public int readFully(ByteBuffer dst) throws IOException {
        int total = readAt(dst, position);
        position += total;
        return total;
    }

    /**
     * Reads at an absolute offset without moving this input's position; safe to call from several threads at
     * once, which lets all cores copy from the page cache in parallel.
     */
    int readAt(ByteBuffer dst, long offset) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, offset + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public long skip(long bytes) {
        long skipped = Math.min(bytes, size - position);
        position += skipped;
        return skipped;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long remaining() {
        return size - position;
    }

    @Override
    public String description() {
        return "file";
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
