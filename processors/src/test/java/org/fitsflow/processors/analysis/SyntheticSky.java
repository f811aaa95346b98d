package org.fitsflow.processors.analysis;

import java.util.List;
import java.util.Random;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;

/** Synthetic frames for tests: Gaussian stars, a sky level and Gaussian noise, reproducible from a seed. */
public final class SyntheticSky {
    private SyntheticSky() {
    }

    /** A star to plant: centre, peak above the sky, and the Gaussian sigmas along x and y. */
    public record PlantedStar(double x, double y, double peak, double sigmaX, double sigmaY) {
        public double flux() {
            return 2 * Math.PI * peak * sigmaX * sigmaY;
        }
    }

    public static float[] plane(int width, int height, double sky, double noise, List<PlantedStar> stars, long seed) {
        Random random = new Random(seed);
        float[] plane = new float[width * height];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) (sky + noise * random.nextGaussian());
        }
        for (PlantedStar s : stars) {
            addStar(plane, width, height, s);
        }
        return plane;
    }

    /** Adds the star integrated over each pixel (sampled 5 x 5 per pixel), as a detector sees it. */
    public static void addStar(float[] plane, int width, int height, PlantedStar s) {
        int r = (int) Math.ceil(6 * Math.max(s.sigmaX(), s.sigmaY()));
        for (int y = Math.max(0, (int) s.y() - r); y <= Math.min(height - 1, (int) s.y() + r); y++) {
            for (int x = Math.max(0, (int) s.x() - r); x <= Math.min(width - 1, (int) s.x() + r); x++) {
                double sum = 0;
                for (int sy = 0; sy < 5; sy++) {
                    for (int sx = 0; sx < 5; sx++) {
                        double dx = x - 0.4 + sx * 0.2 - s.x();
                        double dy = y - 0.4 + sy * 0.2 - s.y();
                        sum += Math.exp(-0.5 * (dx * dx / (s.sigmaX() * s.sigmaX()) + dy * dy / (s.sigmaY() * s.sigmaY())));
                    }
                }
                plane[y * width + x] += (float) (s.peak() * sum / 25);
            }
        }
    }

    /** A regular grid of round stars with peaks spread over [minPeak, maxPeak], jittered off the pixel grid. */
    public static List<PlantedStar> starGrid(int width, int height, int spacing, double minPeak, double maxPeak,
                                             double sigma, long seed) {
        Random random = new Random(seed);
        java.util.ArrayList<PlantedStar> stars = new java.util.ArrayList<>();
        for (int y = spacing; y < height - spacing / 2; y += spacing) {
            for (int x = spacing; x < width - spacing / 2; x += spacing) {
                double peak = minPeak + (maxPeak - minPeak) * random.nextDouble();
                stars.add(new PlantedStar(x + random.nextDouble() - 0.5, y + random.nextDouble() - 0.5, peak, sigma, sigma));
            }
        }
        return stars;
    }

    public static Image image(int width, int height, float[][] planes) {
        HeaderSummary summary = new HeaderSummary(width, height, planes.length, -32, "SYNTHETIC", 10.0, null, null,
                null, null, null, "2024-07-30T22:44:36", 250.0, 2.9);
        return new Image(width, height, planes, new FitsHeader(List.of(), summary));
    }
}
