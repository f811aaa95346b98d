package org.fitsflow.processors.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fitsflow.processors.fits.TestFits;
import org.fitsflow.processors.stats.CfaPattern;

/**
 * A small GRBG sensor whose every photosite is known, and the frames it takes, written as 16-bit FITS files
 * (BZERO 32768) as a camera writes them. In normalised units (ADU / 65535):
 * <ul>
 * <li>bias: 0.03 plus a fixed column pattern of up to 0.002;</li>
 * <li>dark current per second: 0.0004, plus amp glow rising to 0.003 in the top-right corner, plus
 * {@link #HOT} hot photosites of 0.004 to 0.03;</li>
 * <li>light falls through vignetting (down to 0.7 in the corners) and a dust donut (a ring 25 % deep, radius 10)
 * onto photosites of response 0.85 (red), 1 (green), 0.7 (blue);</li>
 * <li>{@link #DEAD} dead photosites read 0.3 of what they should in every frame;</li>
 * <li>each frame has Gaussian read noise of {@link #NOISE}; a light's sky is a gradient from 0.15 to 0.19 with
 * three Gaussian stars.</li>
 * </ul>
 */
final class SyntheticSensor {
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final CfaPattern PATTERN = CfaPattern.GRBG;
    static final double NOISE = 0.0012;
    static final int HOT = 25;
    static final int DEAD = 8;
    static final double FLAT_LEVEL = 0.4;
    static final double FLAT_SECONDS = 1;
    private static final double[] RESPONSE = {0.85, 1.0, 0.7};
    private static final double[] FLAT_COLOUR = {0.6, 1.0, 0.8};
    private static final double[][] STARS = {{40.3, 30.6, 0.2}, {95.7, 64.2, 0.12}, {130.1, 100.4, 0.3}};

    private final double[] darkRate = new double[WIDTH * HEIGHT];
    private final boolean[] dead = new boolean[WIDTH * HEIGHT];
    private final List<Integer> hot = new ArrayList<>();
    private final List<Integer> deadSites = new ArrayList<>();

    SyntheticSensor() {
        Random random = new Random(2024);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                darkRate[y * WIDTH + x] = 0.0004 + 0.003 * Math.exp(-Math.hypot(WIDTH - 1 - x, HEIGHT - 1 - y) / 25);
            }
        }
        while (hot.size() < HOT) {
            int i = clearSite(random);
            darkRate[i] += 0.004 + 0.026 * random.nextDouble();
            hot.add(i);
        }
        while (deadSites.size() < DEAD) {
            int i = clearSite(random);
            dead[i] = true;
            deadSites.add(i);
        }
    }

    /** A photosite 6 or more from the edges, the stars and the defects placed so far. */
    private int clearSite(Random random) {
        while (true) {
            int x = 6 + random.nextInt(WIDTH - 12);
            int y = 6 + random.nextInt(HEIGHT - 12);
            boolean clear = true;
            for (double[] star : STARS) {
                clear &= Math.hypot(star[0] - x, star[1] - y) > 8;
            }
            for (int i : hot) {
                clear &= Math.hypot(i % WIDTH - x, i / WIDTH - y) > 4;
            }
            for (int i : deadSites) {
                clear &= Math.hypot(i % WIDTH - x, i / WIDTH - y) > 4;
            }
            if (clear) {
                return y * WIDTH + x;
            }
        }
    }

    List<Integer> hotSites() {
        return hot;
    }

    List<Integer> deadSites() {
        return deadSites;
    }

    static double bias(int x) {
        return 0.03 + 0.002 * (x % 7) / 6.0;
    }

    /** Vignetting times the dust donut. */
    static double transmission(int x, int y) {
        double r = Math.hypot(x - WIDTH / 2.0, y - HEIGHT / 2.0) / Math.hypot(WIDTH / 2.0, HEIGHT / 2.0);
        double donut = 1 - 0.25 * Math.exp(-Math.pow((Math.hypot(x - 110, y - 80) - 10) / 2.5, 2));
        return (1 - 0.3 * r * r) * donut;
    }

    /** The sky a light receives before the optics: gradient and stars. */
    static double sky(int x, int y) {
        double sky = 0.15 + 0.04 * x / WIDTH;
        for (double[] star : STARS) {
            double d2 = Math.pow(x - star[0], 2) + Math.pow(y - star[1], 2);
            sky += star[2] * Math.exp(-d2 / (2 * 1.2 * 1.2));
        }
        return sky;
    }

    static double response(int x, int y) {
        return RESPONSE[PATTERN.colourAt(y, x)];
    }

    /** What a photosite receives from a flat panel, before the sensor adds bias and dark current. */
    static double flatSignal(int x, int y) {
        return transmission(x, y) * response(x, y) * FLAT_COLOUR[PATTERN.colourAt(y, x)] * FLAT_LEVEL;
    }

    double darkCurrent(int i, double seconds) {
        return darkRate[i] * seconds;
    }

    /** A light's photosites: bias, dark current, the sky through the optics, noise; dead ones at 0.3. */
    double[] light(double seconds, Random random) {
        return frame((x, y, i) -> bias(x) + darkCurrent(i, seconds) + transmission(x, y) * response(x, y) * sky(x, y),
                random);
    }

    double[] dark(double seconds, Random random) {
        return frame((x, y, i) -> bias(x) + darkCurrent(i, seconds), random);
    }

    double[] bias(Random random) {
        return frame((x, y, i) -> bias(x), random);
    }

    double[] flat(Random random) {
        return frame((x, y, i) -> bias(x) + darkCurrent(i, FLAT_SECONDS) + flatSignal(x, y), random);
    }

    private interface Truth {
        double at(int x, int y, int i);
    }

    private double[] frame(Truth truth, Random random) {
        double[] values = new double[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                double v = truth.at(x, y, i) + NOISE * random.nextGaussian();
                values[i] = dead[i] ? 0.3 * v : v;
            }
        }
        return values;
    }

    /** Writes normalised values as a 16-bit FITS frame with the camera's cards. */
    static Path write(Path file, double[] values, String type, double seconds, double gain, Double temperature) {
        double[] stored = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            stored[i] = Math.max(0, Math.min(65535, Math.round(values[i] * 65535))) - 32768;
        }
        TestFits fits = TestFits.image(16, WIDTH, HEIGHT).card("BZERO", 32768).card("BSCALE", 1)
                .card("IMAGETYP", type).card("EXPTIME", seconds).card("GAIN", gain).card("BAYERPAT", PATTERN.name());
        if (temperature != null) {
            fits.card("CCD-TEMP", temperature);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fits.samples(stored).writeTo(file);
    }
}
