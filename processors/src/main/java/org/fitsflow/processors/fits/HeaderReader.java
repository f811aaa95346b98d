package org.fitsflow.processors.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fitsflow.processors.image.HeaderCard;

/** Reads one header of 2880-byte blocks up to its END card, with a bound on its size. */
final class HeaderReader {
    static final int BLOCK = 2880;
    private static final int CARDS_PER_BLOCK = BLOCK / HeaderCardParser.CARD_LENGTH;

    private final FitsInput input;
    private final FitsReadLimits limits;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);

    HeaderReader(FitsInput input, FitsReadLimits limits) {
        this.input = input;
        this.limits = limits;
    }

    /** The primary header; refuses anything that does not start like a FITS file. */
    ParsedHeader readPrimary() throws IOException {
        int n = readBlock();
        if (n == 0) {
            throw new InvalidFitsException("empty file (no data in the " + input.description() + ")");
        }
        checkStartsLikeFits(n);
        if (n < BLOCK) {
            throw new InvalidFitsException("truncated header: the " + input.description() + " holds only " + n
                    + " bytes, less than one " + BLOCK + "-byte FITS header block");
        }
        return readCards(0);
    }

    /** The next extension header, or empty when the file ends or what follows is not an extension. */
    Optional<ParsedHeader> readExtension() throws IOException {
        long start = input.position();
        int n = readBlock();
        if (n < 8 || !card(0, n).startsWith("XTENSION")) {
            return Optional.empty();
        }
        if (n < BLOCK) {
            throw new InvalidFitsException("truncated header: the extension header at byte " + start
                    + " is cut off after " + n + " bytes");
        }
        return Optional.of(readCards(start));
    }

    private ParsedHeader readCards(long start) throws IOException {
        List<HeaderCard> cards = new ArrayList<>();
        while (true) {
            for (int i = 0; i < CARDS_PER_BLOCK; i++) {
                String image = card(i * HeaderCardParser.CARD_LENGTH, BLOCK);
                HeaderCard card = HeaderCardParser.parse(image);
                if (card.keyword().equals("END")) {
                    return new ParsedHeader(cards);
                }
                cards.add(card);
            }
            if (cards.size() >= limits.maxHeaderCards()) {
                throw new InvalidFitsException("header has no END card within the first " + limits.maxHeaderCards()
                        + " cards (header starting at byte " + start + ")");
            }
            int n = readBlock();
            if (n == 0) {
                throw new InvalidFitsException("header has no END card: the " + input.description() + " ends after "
                        + cards.size() + " header cards");
            }
            if (n < BLOCK) {
                throw new InvalidFitsException("truncated header: the " + input.description()
                        + " ends inside a header block after " + cards.size() + " cards, before the END card");
            }
        }
    }

    private void checkStartsLikeFits(int n) throws InvalidFitsException {
        String first = card(0, n);
        String keyword = first.substring(0, Math.min(8, first.length())).trim();
        if (!keyword.equals("SIMPLE")) {
            if (looksLikeCard(first)) {
                throw new InvalidFitsException("not a FITS file: the first card must be SIMPLE, found " + keyword);
            }
            throw new InvalidFitsException("not a FITS file: it does not start with a FITS header (begins with \""
                    + preview(first) + "\")");
        }
        if (first.length() == HeaderCardParser.CARD_LENGTH) {
            String value = HeaderCardParser.parse(first).value();
            if ("F".equals(value)) {
                throw new InvalidFitsException("SIMPLE = F: the file declares that it does not conform to the FITS standard");
            }
            if (!"T".equals(value)) {
                throw new InvalidFitsException("SIMPLE = " + value + ": a FITS file must start with SIMPLE = T");
            }
        }
    }

    /** A keyword of FITS characters in columns 1-8 followed by the value indicator. */
    private static boolean looksLikeCard(String card) {
        if (card.length() < 10 || !card.startsWith("= ", 8)) {
            return false;
        }
        return card.substring(0, 8).stripTrailing().chars()
                .allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    private static String preview(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 24; i++) {
            char c = text.charAt(i);
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        return out.toString().stripTrailing();
    }

    private int readBlock() throws IOException {
        block.clear();
        return input.readFully(block);
    }

    private String card(int offset, int available) {
        int length = Math.max(0, Math.min(HeaderCardParser.CARD_LENGTH, available - offset));
        return new String(block.array(), offset, length, StandardCharsets.ISO_8859_1);
    }
}
