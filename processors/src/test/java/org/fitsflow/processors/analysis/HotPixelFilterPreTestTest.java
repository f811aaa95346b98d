package org.fitsflow.processors.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fitsflow.processors.analysis.SyntheticSky.PlantedStar;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.stats.SameColourRing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter's shortcuts (the noise from the sampled photosites alone and by histograms, the ring's median only
 * where the ring's minimum leaves room for an outlier) against the filter as first written, kept here: every
 * photosite's excess taken, the noise by sorting, then each photosite judged. The same photosites must be corrected
 * to the same values, bit for bit.
 */
class HotPixelFilterPreTestTest {
    static Stream<Path> subs() throws IOException {
        return SeestarSubs.all().stream();
    }

    @ParameterizedTest
    @MethodSource("subs")
    void correctsTheSamePhotositesAsJudgingEveryOneOnTheRealSubs(Path file) throws IOException {
        var sub = FitsReader.read(file);
        assertSameCorrections(sub.plane(0), sub.width(), sub.height());
    }

    /**
     * Stars of every brightness, hot and cold photosites of every strength, some on the frame's edges, and
     * non-finite photosites (NaN, both infinities, a ring of +infinity) that take the median's general path.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void correctsTheSamePhotositesAsJudgingEveryOneOnASyntheticFrame(long seed) {
        int w = 301;
        int h = 203;
        Random random = new Random(seed);
        List<PlantedStar> stars = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            double fwhm = 0.8 + 3 * random.nextDouble();
            stars.add(new PlantedStar(random.nextDouble() * w, random.nextDouble() * h, 0.002 + 0.9 * random.nextDouble(),
                    fwhm / 2.355, fwhm / 2.355));
        }
        float[] mosaic = SyntheticSky.plane(w, h, 0.012, 0.0008, stars, seed);
        for (int k = 0; k < 400; k++) {
            int x = k < 40 ? (k % 2 == 0 ? k % 3 : w - 1 - k % 3) : random.nextInt(w);
            int y = k < 40 ? random.nextInt(h) : k < 80 ? (k % 2 == 0 ? k % 3 : h - 1 - k % 3) : random.nextInt(h);
            mosaic[y * w + x] += (float) ((random.nextBoolean() ? 1 : -0.5) * 0.0008 * Math.pow(500, random.nextDouble()));
        }
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int k = 0; k < 12; k++) {
            mosaic[random.nextInt(mosaic.length)] = special[k % 3];
        }
        int cx = 150;
        int cy = 100;
        for (int dy = -2; dy <= 2; dy += 2) {
            for (int dx = -2; dx <= 2; dx += 2) {
                if (dx != 0 || dy != 0) {
                    mosaic[(cy + dy) * w + cx + dx] = Float.POSITIVE_INFINITY;
                }
            }
        }

        assertThat(assertSameCorrections(mosaic, w, h)).as("photosites corrected").isGreaterThan(50);
    }

    /** Returns how many photosites both corrected. */
    private static int assertSameCorrections(float[] mosaic, int w, int h) {
        float[] judged = mosaic.clone();
        float[] expected = mosaic.clone();
        PhotositeCorrections reference = judgingEveryPhotosite(expected, w, h);

        PhotositeCorrections corrections = HotPixelFilter.correct(judged, w, h);

        assertThat(corrections.indices()).isEqualTo(reference.indices());
        assertThat(corrections.values()).isEqualTo(reference.values());
        assertThat(judged).isEqualTo(expected);
        return reference.count();
    }

    /** The filter before its shortcuts. */
    private static PhotositeCorrections judgingEveryPhotosite(float[] mosaic, int width, int height) {
        float[] excess = SameColourRing.excess(mosaic, width, height);
        double sigma = sortedNoise(excess);
        if (!(sigma > 0)) {
            return PhotositeCorrections.NONE;
        }
        double threshold = 5.0 * sigma;
        float[] ring = new float[8];
        List<Integer> indices = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float e = excess[i];
                if (e > threshold && isolated(excess, width, height, x, y, e, sigma)) {
                    indices.add(i);
                    values.add((float) SameColourRing.median(mosaic, width, height, x, y, ring));
                }
            }
        }
        PhotositeCorrections found = new PhotositeCorrections(indices.stream().mapToInt(Integer::intValue).toArray(),
                toFloats(values));
        found.applyTo(mosaic);
        return found;
    }

    /** 1.4826 MAD of every seventh photosite's finite excess, by sorting. */
    private static double sortedNoise(float[] excess) {
        double[] sample = IntStream.iterate(0, i -> i < excess.length, i -> i + 7).mapToDouble(i -> excess[i])
                .filter(Double::isFinite).sorted().toArray();
        if (sample.length == 0) {
            return Double.NaN;
        }
        double median = sample[sample.length / 2];
        double[] deviations = Arrays.stream(sample).map(v -> (float) Math.abs(v - median)).sorted().toArray();
        return 1.4826 * deviations[deviations.length / 2];
    }

    private static boolean isolated(float[] excess, int width, int height, int x, int y, double e, double sigma) {
        double sum = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < width && yy < height) {
                    sum += excess[yy * width + xx];
                    n++;
                }
            }
        }
        double mean = sum / n;
        return mean < 0.05 * e && mean < 3.0 * sigma / Math.sqrt(n);
    }

    private static float[] toFloats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values.get(k);
        }
        return out;
    }
}
