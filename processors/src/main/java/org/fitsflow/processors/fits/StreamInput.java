package org.fitsflow.processors.fits;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.ZipException;

/**
 * A gzip-compressed FITS file read as a stream: its uncompressed length is unknown until the end, so a
 * premature end is reported when it happens. Corrupt gzip data becomes an {@link InvalidFitsException}.
 */
final class StreamInput implements FitsInput {
    private final InputStream in;
    private final String description;
    private long position;

    StreamInput(InputStream in, String description) {
        this.in = in;
        this.description = description;
    }

    @Override
    public int readFully(ByteBuffer dst) throws IOException {
        byte[] array = dst.array();
        int offset = dst.arrayOffset() + dst.position();
        int total = 0;
        int wanted = dst.remaining();
        while (total < wanted) {
            int n = read(array, offset + total, wanted - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        dst.position(dst.position() + total);
        position += total;
        return total;
    }

    @Override
    public long skip(long bytes) throws IOException {
        byte[] scratch = new byte[(int) Math.min(bytes, 64 * 1024)];
        long skipped = 0;
        while (skipped < bytes) {
            int n = read(scratch, 0, (int) Math.min(scratch.length, bytes - skipped));
            if (n < 0) {
                break;
            }
            skipped += n;
        }
        position += skipped;
        return skipped;
    }

    private int read(byte[] array, int offset, int length) throws IOException {
        try {
            return in.read(array, offset, length);
        } catch (EOFException e) {
            // GZIPInputStream signals a cut-off compressed stream this way; treat it as the end of the data.
            return -1;
        } catch (ZipException e) {
            throw new InvalidFitsException("corrupt " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long remaining() {
        return -1;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
