package org.fitsflow.routes.support;

import java.io.BufferedOutputStream;
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
import java.util.SplittableRandom;

/**
 * Writes large float32 colour frames (e.g. 6248 x 4176 x 3, about 313 MB) straight to disk, row by row,
 * so that a job on them runs for a while: long enough to cancel it or to kill the service under it.
 * Values: a sky background with noise and a gradient, in [0, 1].
 */
public final class LargeFrames {
    private static final int BLOCK = 2880;

    private LargeFrames() {
    }

    public static Path float32(Path file, int width, int height, int planes) {
        List<String> cards = new ArrayList<>(List.of(
                card("SIMPLE", "T"), card("BITPIX", "-32"), card("NAXIS", "3"),
                card("NAXIS1", Integer.toString(width)), card("NAXIS2", Integer.toString(height)),
                card("NAXIS3", Integer.toString(planes)), card("OBJECT", "'Large test frame'"), "END"));
        SplittableRandom random = new SplittableRandom(42);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder();
            cards.forEach(c -> header.append(String.format(Locale.ROOT, "%-80s", c)));
            while (header.length() % BLOCK != 0) {
                header.append(' ');
            }
            out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(width * 4);
            for (int p = 0; p < planes; p++) {
                for (int y = 0; y < height; y++) {
                    row.clear();
                    for (int x = 0; x < width; x++) {
                        double sky = 0.1 + 0.05 * x / width + 0.02 * p;
                        row.putFloat((float) Math.min(1.0, sky + 0.01 * random.nextDouble()));
                    }
                    out.write(row.array());
                }
            }
            long data = (long) width * height * planes * 4;
            out.write(new byte[(int) ((BLOCK - data % BLOCK) % BLOCK)]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String card(String keyword, String value) {
        return String.format(Locale.ROOT, "%-8s= %20s", keyword, value);
    }
}
