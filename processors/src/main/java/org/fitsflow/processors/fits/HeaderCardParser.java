package org.fitsflow.processors.fits;

import org.fitsflow.processors.image.HeaderCard;

/**
 * Parses one 80-character card image. Lenient on purpose: a card it cannot make sense of is kept as
 * commentary rather than failing the file, since only the structural keywords decide whether the pixels
 * can be read, and those are checked separately.
 */
final class HeaderCardParser {
    static final int CARD_LENGTH = 80;
    private static final String HIERARCH = "HIERARCH";

    private HeaderCardParser() {
    }

    static HeaderCard parse(String card) {
        String keyword = card.substring(0, Math.min(8, card.length())).trim();
        String rest = card.length() > 8 ? card.substring(8) : "";
        if (keyword.equals(HIERARCH)) {
            return parseHierarch(rest);
        }
        if (keyword.isEmpty() || keyword.equals("COMMENT") || keyword.equals("HISTORY")) {
            return new HeaderCard(keyword, null, stripTrailing(rest), false);
        }
        if (keyword.equals("CONTINUE")) {
            return parseValue(keyword, rest);
        }
        if (rest.startsWith("= ") || rest.equals("=")) {
            return parseValue(keyword, rest.substring(1));
        }
        return new HeaderCard(keyword, null, stripTrailing(rest), false);
    }

    /** ESO convention: {@code HIERARCH LONG KEYWORD NAME = value / comment}. */
    private static HeaderCard parseHierarch(String rest) {
        int equals = rest.indexOf('=');
        if (equals < 0) {
            return new HeaderCard(HIERARCH, null, stripTrailing(rest), false);
        }
        String name = rest.substring(0, equals).trim().replaceAll("\\s+", " ");
        return parseValue(HIERARCH + " " + name, rest.substring(equals + 1));
    }

    /** {@code field} starts right after the value indicator. */
    private static HeaderCard parseValue(String keyword, String field) {
        int i = 0;
        while (i < field.length() && field.charAt(i) == ' ') {
            i++;
        }
        if (i < field.length() && field.charAt(i) == '\'') {
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            while (j < field.length()) {
                char c = field.charAt(j);
                if (c == '\'') {
                    if (j + 1 < field.length() && field.charAt(j + 1) == '\'') {
                        text.append('\'');
                        j += 2;
                        continue;
                    }
                    j++;
                    break;
                }
                text.append(c);
                j++;
            }
            // Trailing blanks inside a FITS string are not significant; leading ones are.
            return new HeaderCard(keyword, stripTrailing(text.toString()), commentAfter(field, j), true);
        }
        int slash = field.indexOf('/', i);
        String value = (slash < 0 ? field.substring(i) : field.substring(i, slash)).trim();
        return new HeaderCard(keyword, value.isEmpty() ? null : value, commentAfter(field, slash < 0 ? field.length() : slash), false);
    }

    private static String commentAfter(String field, int from) {
        int slash = field.indexOf('/', from);
        if (slash < 0) {
            return null;
        }
        String comment = field.substring(slash + 1).trim();
        return comment.isEmpty() ? null : comment;
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }
}
