package org.fitsflow.routes.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Flat frames of a Seestar raw sub (1080 x 1920, 16-bit, BZERO 32768) written with that sub's header: a level of
 * 20000 ADU times a vignetting that falls as the square of the radius from 1 at the centre to 0.6 in the
 * corners, with Gaussian noise of 60 ADU.
 */
public final class GradientFlats {
    private static final int WIDTH = 1080;
    private static final int HEIGHT = 1920;

    private GradientFlats() {
    }

    public static List<Path> write(Path sub, Path folder, int count) throws IOException {
        byte[] template = Files.readAllBytes(sub);
        int offset = headerLength(template);
        Random noise = new Random(7);
        double cx = (WIDTH - 1) / 2.0;
        double cy = (HEIGHT - 1) / 2.0;
        Files.createDirectories(folder);
        List<Path> flats = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] out = template.clone();
            ByteBuffer data = ByteBuffer.wrap(out, offset, WIDTH * HEIGHT * 2);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    double vignette = 1 - 0.4 * ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (cx * cx + cy * cy);
                    long value = Math.round(20000 * vignette + 60 * noise.nextGaussian());
                    data.putShort((short) (Math.max(0, Math.min(65535, value)) - 32768));
                }
            }
            Path flat = folder.resolve(String.format("flat_%02d.fit", n));
            Files.write(flat, out);
            flats.add(flat);
        }
        return flats;
    }

    private static int headerLength(byte[] bytes) {
        for (int card = 0; card * 80 < bytes.length; card++) {
            if (new String(bytes, card * 80, 8, StandardCharsets.US_ASCII).equals("END     ")) {
                return (card * 80 / 2880 + 1) * 2880;
            }
        }
        throw new IllegalArgumentException("no END card");
    }
}
