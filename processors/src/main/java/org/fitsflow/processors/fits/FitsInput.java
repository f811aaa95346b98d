package org.fitsflow.processors.fits;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** The bytes of a FITS file read front to back: a plain file, a gzip stream or decompressed tiles. */
interface FitsInput extends Closeable {

    /** Opens a plain or gzip-compressed FITS file; gzip is recognised by its magic bytes, not by the name. */
    static FitsInput open(Path file) throws IOException {
        int bufferSize = 1 << 16;
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (channel.size() == 0) {
                throw new InvalidFitsException("empty file (0 bytes)");
            }
            ByteBuffer magic = ByteBuffer.allocate(2);
            channel.read(magic, 0);
            if (magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B) {
                channel.position(0);
                BufferedInputStream compressed = new BufferedInputStream(Channels.newInputStream(channel), bufferSize);
                try {
                    return new StreamInput(new GZIPInputStream(compressed, bufferSize), "gzip stream");
                } catch (ZipException | EOFException e) {
                    throw new InvalidFitsException("corrupt gzip file: " + e.getMessage(), e);
                }
            }
            return new FileInput(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads until {@code dst} has no room left or the input ends; returns the number of bytes read. */
    int readFully(ByteBuffer dst) throws IOException;

    /** Skips {@code bytes}; returns how many could be skipped before the input ended. */
    long skip(long bytes) throws IOException;

    /** Bytes read or skipped so far. */
    long position();

    /** Bytes left when the length is known up front (a plain file), else -1 (a gzip stream). */
    long remaining();

    /** How the input is stored, for messages: "file" or "gzip stream". */
    String description();
}
