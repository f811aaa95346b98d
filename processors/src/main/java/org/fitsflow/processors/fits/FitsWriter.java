package org.fitsflow.processors.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.AtomicFile;

/**
 * Writes an image as a BITPIX -32 FITS file: NAXIS3 = 3 for colour, rows in the image's order (row 0 = FITS
 * row 0), the original header carried forward without the cards that described the old storage, and HISTORY
 * cards appended. The file is written under a hidden temporary name in the same folder, then renamed, so
 * that nobody sees half a file.
 */
public final class FitsWriter {
    private static final int CHUNK_BYTES = 4 << 20;
    /** Stale once pixels are normalised floats: the old value range. */
    private static final Set<String> STALE = Set.of("DATAMIN", "DATAMAX");

    private FitsWriter() {
    }

    public static void writeFloat32(Image image, Path file, List<String> history) throws IOException {
        AtomicFile.write(file.toAbsolutePath(), temp -> {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeFully(out, ByteBuffer.wrap(header(image, history).getBytes(StandardCharsets.US_ASCII)));
                writeData(out, image);
            }
        });
    }

    static String header(Image image, List<String> history) {
        List<String> cards = new ArrayList<>();
        cards.add(structural("SIMPLE", "T", "conforms to FITS standard"));
        cards.add(structural("BITPIX", -32, "32-bit IEEE float, normalised to 0..1"));
        cards.add(structural("NAXIS", image.isColour() ? 3 : 2, "number of array dimensions"));
        cards.add(structural("NAXIS1", image.width(), "width"));
        cards.add(structural("NAXIS2", image.height(), "height"));
        if (image.isColour()) {
            cards.add(structural("NAXIS3", 3, "colour planes R, G, B"));
        }
        for (HeaderCard card : image.header().cards()) {
            if (carriedForward(card, image)) {
                cards.addAll(CardFormatter.format(card));
            }
        }
        for (String line : history) {
            cards.addAll(CardFormatter.format(new HeaderCard("HISTORY", null, line, false)));
        }
        cards.add(String.format("%-80s", "END"));
        StringBuilder header = new StringBuilder(cards.size() * CardFormatter.WIDTH + HeaderReader.BLOCK);
        cards.forEach(header::append);
        header.append(" ".repeat((int) (ImageLayout.padded(header.length()) - header.length())));
        return header.toString();
    }

    private static String structural(String keyword, Object value, String comment) {
        return CardFormatter.format(new HeaderCard(keyword, String.valueOf(value), comment, false)).get(0);
    }

    private static boolean carriedForward(HeaderCard card, Image image) {
        String keyword = card.keyword();
        if (StructuralKeywords.isStructural(keyword) || STALE.contains(keyword)) {
            return false;
        }
        // A colour image is no longer a mosaic: a pattern would make readers debayer it again.
        return !(image.isColour() && keyword.equals("BAYERPAT"));
    }

    private static void writeData(FileChannel out, Image image) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        long written = 0;
        for (float[] plane : image.planes()) {
            int at = 0;
            while (at < plane.length) {
                int count = Math.min(plane.length - at, CHUNK_BYTES / 4);
                chunk.clear();
                chunk.asFloatBuffer().put(plane, at, count);
                chunk.limit(count * 4);
                writeFully(out, chunk);
                at += count;
                written += count * 4L;
            }
        }
        writeFully(out, ByteBuffer.allocate((int) (ImageLayout.padded(written) - written)));
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
