package org.fitsflow.processors.fits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes synthetic FITS files byte by byte, independently of the reader under test, including broken ones:
 * any BITPIX, axes and cards, the image in the primary HDU or an extension, gzip, cut-off data or headers.
 * Shared with other modules through the processors test-jar.
 */
public final class TestFits {
    private static final int BLOCK = 2880;

    private final List<String> cards = new ArrayList<>();
    private final int bitpix;
    private final long[] axes;
    private double[] samples;
    private Object simple = true;
    private boolean inExtension;
    private boolean endCard = true;
    private boolean gzip;
    private long keepBytes = -1;

    private TestFits(int bitpix, long... axes) {
        this.bitpix = bitpix;
        this.axes = axes.clone();
        cards.add(cardImage("BITPIX", bitpix));
        cards.add(cardImage("NAXIS", axes.length));
        for (int i = 0; i < axes.length; i++) {
            cards.add(cardImage("NAXIS" + (i + 1), axes[i]));
        }
    }

    /**
     * An image of the given BITPIX and axes (NAXIS1 first). Without {@link #samples} the data is zeros of the
     * declared size, or absent when that exceeds 64 MB (a header that lies about its size).
     */
    public static TestFits image(int bitpix, long... axes) {
        return new TestFits(bitpix, axes);
    }

    /** Stored values (before BZERO / BSCALE) in FITS order, written as the BITPIX says. */
    public TestFits samples(double... values) {
        this.samples = values.clone();
        return this;
    }

    /** Appends a card; the value may be a String (quoted), Boolean (T / F) or Number. */
    public TestFits card(String keyword, Object value) {
        cards.add(cardImage(keyword, value));
        return this;
    }

    /** Appends an 80-character card image exactly as given (padded with blanks). */
    public TestFits rawCard(String image) {
        cards.add(pad(image));
        return this;
    }

    /** Replaces the first card with this keyword (to make structural cards lie). */
    public TestFits replace(String keyword, Object value) {
        if (keyword.equals("SIMPLE")) {
            simple = value;
            return this;
        }
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).startsWith(String.format("%-8s", keyword))) {
                cards.set(i, cardImage(keyword, value));
                return this;
            }
        }
        throw new IllegalArgumentException("no card " + keyword);
    }

    /** Puts the image in an IMAGE extension after a data-less primary HDU (NAXIS = 0). */
    public TestFits inExtension() {
        this.inExtension = true;
        return this;
    }

    public TestFits withoutEnd() {
        this.endCard = false;
        return this;
    }

    public TestFits gzipped() {
        this.gzip = true;
        return this;
    }

    /** Cuts the file (before gzip) after this many bytes. */
    public TestFits truncatedTo(long bytes) {
        this.keepBytes = bytes;
        return this;
    }

    public Path writeTo(Path file) {
        try {
            byte[] bytes = bytes();
            if (keepBytes >= 0 && keepBytes < bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, (int) keepBytes);
            }
            if (gzip) {
                ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(compressed)) {
                    out.write(bytes);
                }
                bytes = compressed.toByteArray();
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (inExtension) {
            writeHeader(out, List.of(cardImage("SIMPLE", simple), cardImage("BITPIX", 8), cardImage("NAXIS", 0), cardImage("EXTEND", true)), true);
            List<String> extension = new ArrayList<>();
            extension.add(cardImage("XTENSION", "IMAGE"));
            extension.addAll(cards);
            extension.add(cardImage("PCOUNT", 0));
            extension.add(cardImage("GCOUNT", 1));
            writeHeader(out, extension, endCard);
        } else {
            List<String> primary = new ArrayList<>();
            primary.add(cardImage("SIMPLE", simple));
            primary.addAll(cards);
            writeHeader(out, primary, endCard);
        }
        byte[] data = data();
        out.write(data, 0, data.length);
        out.write(new byte[padding(data.length)], 0, padding(data.length));
        return out.toByteArray();
    }

    private byte[] data() {
        if (samples == null) {
            double bytes = Math.abs(bitpix) / 8.0;
            for (long axis : axes) {
                bytes *= Math.max(0, axis);
            }
            return new byte[axes.length == 0 || bytes > (64 << 20) ? 0 : (int) bytes];
        }
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * Math.abs(bitpix) / 8);
        for (double v : samples) {
            switch (bitpix) {
                case 8 -> buffer.put((byte) (long) v);
                case 16 -> buffer.putShort((short) (long) v);
                case 32 -> buffer.putInt((int) (long) v);
                case 64 -> buffer.putLong((long) v);
                case -32 -> buffer.putFloat((float) v);
                case -64 -> buffer.putDouble(v);
                default -> throw new IllegalArgumentException("cannot write samples for BITPIX " + bitpix);
            }
        }
        return buffer.array();
    }

    private static void writeHeader(ByteArrayOutputStream out, List<String> cards, boolean end) {
        StringBuilder header = new StringBuilder();
        cards.forEach(header::append);
        if (end) {
            header.append(pad("END"));
        }
        while (header.length() % BLOCK != 0) {
            header.append(' ');
        }
        byte[] bytes = header.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }

    private static int padding(int length) {
        return (BLOCK - length % BLOCK) % BLOCK;
    }

    /** One card image: value right-aligned in columns 11-30, strings quoted from column 11. */
    public static String cardImage(String keyword, Object value) {
        String text;
        if (value instanceof String s) {
            text = String.format("'%-8s'", s.replace("'", "''"));
        } else if (value instanceof Boolean b) {
            text = String.format("%20s", b ? "T" : "F");
        } else if (value instanceof Double || value instanceof Float) {
            text = String.format(Locale.ROOT, "%20s", String.valueOf(((Number) value).doubleValue()));
        } else {
            text = String.format("%20s", value);
        }
        return pad(String.format("%-8s= %s", keyword, text));
    }

    private static String pad(String card) {
        if (card.length() > 80) {
            throw new IllegalArgumentException("card longer than 80 characters: " + card);
        }
        return String.format("%-80s", card);
    }
}
