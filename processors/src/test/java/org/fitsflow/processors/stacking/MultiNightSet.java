package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.fitsflow.processors.fits.FitsWriter;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;

/**
 * Raw GRBG subs of one synthetic star field over several nights: each night sees the field rotated about
 * the frame centre by its own angle, under its own sky level (per colour) and transparency, with Gaussian
 * noise per photosite that grows with the square root of the sky, as shot noise does ({@link #NOISE} under
 * a green sky of {@link #REFERENCE_SKY}). Written as float FITS mosaics with BAYERPAT, EXPTIME and DATE-OBS, as a Seestar
 * writes its subs (but float and small, to keep tests fast).
 */
final class MultiNightSet {
    /** One night: how many subs, the field's rotation (degrees), the sky of R, G, B, the transparency. */
    record Night(int subs, double degrees, double[] sky, double transparency) {
    }

    static final int WIDTH = 480;
    static final int HEIGHT = 640;
    static final double NOISE = 0.002;
    static final double REFERENCE_SKY = 0.024;
    static final double EXPOSURE = 10;
    private static final double STAR_SIGMA = 1.1;
    private static final double[] COLOUR = {0.9, 1.0, 0.8};

    private MultiNightSet() {
    }

    static List<Path> write(Path folder, List<Night> nights, long seed) throws IOException {
        Random random = new Random(seed);
        double radius = Math.hypot(WIDTH, HEIGHT) / 2 + 10;
        List<double[]> stars = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double r = radius * Math.sqrt(random.nextDouble());
            double a = 2 * Math.PI * random.nextDouble();
            // flux spread like a real field: many faint stars, few bright ones
            stars.add(new double[] {r * Math.cos(a), r * Math.sin(a), 0.02 + 0.5 * Math.pow(random.nextDouble(), 3)});
        }
        List<Path> files = new ArrayList<>();
        for (int night = 0; night < nights.size(); night++) {
            Night spec = nights.get(night);
            for (int s = 0; s < spec.subs(); s++) {
                float[] mosaic = render(stars, spec, random);
                String date = String.format(Locale.ROOT, "2025-03-%02dT01:%02d:00.000", 20 + night, 10 + s);
                Path file = folder.resolve(String.format(Locale.ROOT, "Light_synthetic_night%d_%02d.fit", night + 1, s));
                FitsWriter.writeFloat32(new Image(WIDTH, HEIGHT, new float[][] {mosaic}, header(date)), file, List.of());
                files.add(file);
            }
        }
        return files;
    }

    private static float[] render(List<double[]> stars, Night night, Random random) {
        double a = Math.toRadians(night.degrees());
        double cx = (WIDTH - 1) / 2.0;
        double cy = (HEIGHT - 1) / 2.0;
        float[] signal = new float[WIDTH * HEIGHT];
        int r = (int) Math.ceil(5 * STAR_SIGMA);
        for (double[] star : stars) {
            // The field's point (sx, sy) from the centre appears rotated by the night's angle.
            double x = Math.cos(a) * star[0] - Math.sin(a) * star[1] + cx + 0.37;
            double y = Math.sin(a) * star[0] + Math.cos(a) * star[1] + cy - 0.21;
            for (int py = (int) y - r; py <= (int) y + r; py++) {
                for (int px = (int) x - r; px <= (int) x + r; px++) {
                    if (px >= 0 && py >= 0 && px < WIDTH && py < HEIGHT) {
                        double d2 = (px - x) * (px - x) + (py - y) * (py - y);
                        signal[py * WIDTH + px] += (float) (star[2] * Math.exp(-d2 / (2 * STAR_SIGMA * STAR_SIGMA)));
                    }
                }
            }
        }
        float[] mosaic = new float[WIDTH * HEIGHT];
        double noise = noise(night);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                // GRBG: row 0 G R G R ..., row 1 B G B G ...
                int colour = y % 2 == 0 ? (x % 2 == 0 ? 1 : 0) : (x % 2 == 0 ? 2 : 1);
                int i = y * WIDTH + x;
                mosaic[i] = (float) (night.sky()[colour] + night.transparency() * COLOUR[colour] * signal[i]
                        + noise * random.nextGaussian());
            }
        }
        return mosaic;
    }

    static double noise(Night night) {
        return NOISE * Math.sqrt(night.sky()[1] / REFERENCE_SKY);
    }

    private static FitsHeader header(String date) {
        List<HeaderCard> cards = List.of(new HeaderCard("OBJECT", "Synthetic", null, true),
                new HeaderCard("EXPTIME", "10.0", "exposure in seconds"),
                new HeaderCard("BAYERPAT", "GRBG", null, true),
                new HeaderCard("DATE-OBS", date, null, true));
        HeaderSummary summary = new HeaderSummary(WIDTH, HEIGHT, 1, -32, "Synthetic", EXPOSURE, null, null, null, null,
                "GRBG", date, null, null);
        return new FitsHeader(cards, summary);
    }
}
