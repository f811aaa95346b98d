package org.fitsflow.processors.export;

import java.util.Locale;

/**
 * TIFF compressions we write. Deflate/ZLib is deliberately absent: the JDK's TIFF writer corrupts 16-bit
 * samples with it.
 */
public enum TiffCompression {
    NONE(null),
    LZW("LZW");

    private final String imageIoType;

    TiffCompression(String imageIoType) {
        this.imageIoType = imageIoType;
    }

    /** The ImageIO compression type name, or null for uncompressed. */
    String imageIoType() {
        return imageIoType;
    }

    public static TiffCompression parse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "none" -> NONE;
            case "lzw" -> LZW;
            case "deflate", "zlib" -> throw new IllegalArgumentException("compression '" + name
                    + "' is not supported: the JDK TIFF writer corrupts 16-bit data with it; use none or lzw");
            default -> throw new IllegalArgumentException("compression must be none or lzw, got '" + name + "'");
        };
    }
}
