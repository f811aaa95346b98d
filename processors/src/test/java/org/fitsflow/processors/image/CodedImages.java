package org.fitsflow.processors.image;

import java.util.List;
import java.util.Random;

/** Coded images like a 16-bit Seestar frame (sky background, noise, a few bright pixels), and their float twins. */
public final class CodedImages {
    /** The stored word the reader gives when BLANK is set to it. */
    public static final short BLANK = Short.MIN_VALUE;

    private CodedImages() {
    }

    /**
     * Random unsigned 16-bit pixels stored as FITS does (BZERO 32768: word = value - 32768), with the
     * values the reader gives them (value / 65535); with {@code blanks}, every 97th pixel is BLANK (NaN).
     */
    public static Image sky(int width, int height, int channels, long seed, boolean blanks) {
        Random random = new Random(seed);
        short[][] codes = new short[channels][width * height];
        float[][] values = new float[channels][];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < codes[c].length; i++) {
                double level = 4000 + 900 * c + 250 * random.nextGaussian() + (random.nextInt(500) == 0 ? 40000 : 0);
                int value = (int) Math.max(1, Math.min(65535, Math.round(level)));
                codes[c][i] = blanks && i % 97 == 0 ? BLANK : (short) (value - 32768);
            }
            values[c] = uint16Values(blanks);
        }
        return Image.ofCodes(width, height, new CodedPlanes(codes, values), header(width, height, channels));
    }

    /** The value of every stored word of unsigned 16-bit data, NaN for {@link #BLANK} when there are blanks. */
    public static float[] uint16Values(boolean blanks) {
        float[] values = new float[CodedPlanes.CODES];
        for (int word = Short.MIN_VALUE; word <= Short.MAX_VALUE; word++) {
            values[word & 0xFFFF] = blanks && word == BLANK ? Float.NaN : (float) ((word + 32768) / 65535.0);
        }
        return values;
    }

    /** The same pixels as float planes, leaving {@code coded} coded. */
    public static Image asFloats(Image coded) {
        CodedPlanes codes = coded.coded().orElseThrow();
        float[][] planes = new float[coded.channels()][];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = CodedPlanes.expand(codes.codes()[c], codes.values()[c]);
        }
        return new Image(coded.width(), coded.height(), planes, coded.header());
    }

    public static FitsHeader header(int width, int height, int channels) {
        HeaderSummary summary = new HeaderSummary(width, height, channels, 16, "test", null, null, null, null,
                null, null, null, null, null);
        return new FitsHeader(List.of(), summary);
    }
}
