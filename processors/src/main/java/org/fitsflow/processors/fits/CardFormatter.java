package org.fitsflow.processors.fits;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.fitsflow.processors.image.HeaderCard;

/**
 * Formats header cards as 80-character card images, the inverse of {@link HeaderCardParser}: fixed format for
 * numbers and logicals (right-aligned to column 30), quoted strings (long ones split with the CONTINUE
 * convention), HIERARCH for keywords that are not standard, commentary split over several cards.
 * Characters outside printable ASCII, which FITS forbids in headers, become '?'.
 */
final class CardFormatter {
    static final int WIDTH = HeaderCardParser.CARD_LENGTH;
    private static final int TEXT_WIDTH = WIDTH - 8;
    /** Characters of one string piece, quotes and '&' excluded: columns 11-80 hold ' + 67 + & + '. */
    private static final int STRING_PIECE = 67;
    private static final Pattern STANDARD_KEYWORD = Pattern.compile("[A-Z0-9_-]{1,8}");
    private static final String HIERARCH = "HIERARCH ";

    private CardFormatter() {
    }

    /** The card images of one card, or none when a HIERARCH card cannot fit in 80 characters. */
    static List<String> format(HeaderCard card) {
        String keyword = ascii(card.keyword());
        if (card.value() == null) {
            return commentary(keyword.isEmpty() || STANDARD_KEYWORD.matcher(keyword).matches() ? keyword : "COMMENT",
                    card.comment() == null ? "" : ascii(card.comment()));
        }
        String value = ascii(card.value());
        String comment = card.comment() == null ? null : ascii(card.comment());
        if (keyword.equals("CONTINUE")) {
            return List.of(withComment(pad("CONTINUE", 10) + quote(value), comment));
        }
        boolean hierarch = keyword.startsWith(HIERARCH) || !STANDARD_KEYWORD.matcher(keyword).matches();
        if (hierarch) {
            String name = keyword.startsWith(HIERARCH) ? keyword : HIERARCH + keyword;
            String image = name + " = " + (card.stringValue() ? quote(value) : value);
            return image.length() > WIDTH ? List.of() : List.of(withComment(image, comment));
        }
        String prefix = pad(keyword, 8) + "= ";
        if (!card.stringValue()) {
            return List.of(withComment(prefix + String.format("%20s", value), comment));
        }
        if (quote(value).length() <= WIDTH - prefix.length()) {
            return List.of(withComment(prefix + quote(value), comment));
        }
        return longString(prefix, value, comment);
    }

    /** The CONTINUE long-string convention: each piece but the last ends with '&'. */
    private static List<String> longString(String prefix, String value, String comment) {
        List<String> cards = new ArrayList<>();
        int start = 0;
        while (start < value.length()) {
            int end = start;
            int escaped = 0;
            while (end < value.length() && escaped + (value.charAt(end) == '\'' ? 2 : 1) <= STRING_PIECE) {
                escaped += value.charAt(end) == '\'' ? 2 : 1;
                end++;
            }
            boolean last = end == value.length();
            String piece = quote(value.substring(start, end) + (last ? "" : "&"));
            String lead = cards.isEmpty() ? prefix : pad("CONTINUE", 10);
            cards.add(last ? withComment(lead + piece, comment) : pad(lead + piece, WIDTH));
            start = end;
        }
        return cards;
    }

    private static List<String> commentary(String keyword, String text) {
        List<String> cards = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(text.length(), start + TEXT_WIDTH);
            cards.add(pad(pad(keyword, 8) + text.substring(start, end), WIDTH));
            start = end;
        } while (start < text.length());
        return cards;
    }

    private static String withComment(String image, String comment) {
        if (comment != null && !comment.isEmpty() && image.length() + 3 < WIDTH) {
            image = image + " / " + comment;
        }
        return pad(image.length() > WIDTH ? image.substring(0, WIDTH) : image, WIDTH);
    }

    /** A FITS string: quotes doubled, at least 8 characters between the quotes (fixed-format readers expect it). */
    private static String quote(String text) {
        return "'" + pad(text.replace("'", "''"), 8) + "'";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        return out.toString();
    }
}
