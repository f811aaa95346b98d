package org.fitsflow.processors.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.fitsflow.processors.analysis.SyntheticSky.PlantedStar;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hot-photosite filter on synthetic frames and on the real Seestar subs. The real subs' stars come from
 * {@link IndependentStarMeasures}: connected sources at 5 sigma on the bilinear green plane of the uncorrected
 * mosaic, kept when their adaptive-moment FWHM is at least 1.3 pixels (a lone photosite measures less or does
 * not converge). Before the filter asked the neighbours' rise to be significant against the noise as well as a
 * small fraction of the core, it changed 7 to 21 such core photosites per sub.
 */
class HotPixelFilterTest {
    private static final int W = 300;
    private static final int H = 200;
    private static final double MIN_STAR_FWHM = 1.3;

    static Stream<Path> subs() throws IOException {
        return SeestarSubs.all().stream();
    }

    @Test
    void replacesLoneHotPhotositesAndLeavesStarsAlone() {
        List<PlantedStar> stars = SyntheticSky.starGrid(W, H, 50, 0.05, 0.4, 1.0, 51);
        float[] mosaic = SyntheticSky.plane(W, H, 0.012, 0.0008, stars, 52);
        int[][] hot = {{101, 37}, {20, 130}, {225, 75}, {77, 120}};
        for (int[] p : hot) {
            mosaic[p[1] * W + p[0]] += 0.03f;
        }

        float[] corrected = HotPixelFilter.corrected(mosaic, W, H);

        for (int[] p : hot) {
            assertThat(corrected[p[1] * W + p[0]]).as("hot photosite at %d,%d", p[0], p[1]).isCloseTo(0.012f, within(0.003f));
        }
        for (PlantedStar s : stars) {
            int i = (int) Math.round(s.y()) * W + (int) Math.round(s.x());
            assertThat(corrected[i]).isEqualTo(mosaic[i]);
        }
        assertThat(changedPhotosites(mosaic, corrected)).isEqualTo(hot.length);
        assertThat(mosaic[37 * W + 101]).as("input untouched").isGreaterThan(0.04f);
    }

    /**
     * FWHM 1.5 pixels (sigma 0.64) centred on photosites, from 10 sky sigmas to near saturation: sharper cores than
     * the real subs' (2 pixels), which concentrate the most light on one photosite.
     */
    @Test
    void leavesTheCoresOfSharpStarsOfEveryBrightnessAlone() {
        List<PlantedStar> stars = new ArrayList<>();
        Random random = new Random(7);
        for (int y = 20; y < H - 10; y += 20) {
            for (int x = 20; x < W - 10; x += 20) {
                stars.add(new PlantedStar(x, y, 0.008 + 0.6 * random.nextDouble(), 0.64, 0.64));
            }
        }
        float[] mosaic = SyntheticSky.plane(W, H, 0.012, 0.0008, stars, 8);

        float[] corrected = HotPixelFilter.corrected(mosaic, W, H);

        for (PlantedStar s : stars) {
            int i = (int) s.y() * W + (int) s.x();
            assertThat(corrected[i]).as("core of the star at %.0f,%.0f, peak %.3f", s.x(), s.y(), s.peak()).isEqualTo(mosaic[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("subs")
    void neverTouchesAStarCoreOfTheRealSubs(Path file) throws IOException {
        Image sub = FitsReader.read(file);
        int w = sub.width();
        float[] mosaic = sub.plane(0);

        float[] corrected = HotPixelFilter.corrected(mosaic, w, sub.height());

        List<int[]> stars = independentStars(mosaic, w, sub.height());
        assertThat(stars).as("stars of the independent list").hasSizeGreaterThan(50);
        List<String> touched = new ArrayList<>();
        for (int[] star : stars) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int i = (star[1] + dy) * w + star[0] + dx;
                    if (corrected[i] != mosaic[i]) {
                        touched.add((star[0] + dx) + "," + (star[1] + dy));
                    }
                }
            }
        }
        assertThat(touched).as("core photosites (3 x 3 around each star's peak) changed").isEmpty();
    }

    /**
     * Forty single hot photosites planted on a real sub, from 20 to 400 times the sky noise, away from its stars
     * and from the photosites the filter already corrects: each returns to its sky within 5 sigma, and nothing
     * else changes.
     */
    @Test
    void removesHotPhotositesPlantedOnARealSub() throws IOException {
        Image sub = FitsReader.read(SeestarSubs.FOLDER.resolve(SeestarSubs.NGC7023_10S.get(0)));
        int w = sub.width();
        int h = sub.height();
        float[] original = sub.plane(0);
        float[] before = HotPixelFilter.corrected(original, w, h);
        List<int[]> stars = independentStars(original, w, h);
        double noise = 75.0 / 65535;

        float[] planted = original.clone();
        List<Integer> hot = new ArrayList<>();
        Random random = new Random(20);
        while (hot.size() < 40) {
            int x = 10 + random.nextInt(w - 20);
            int y = 10 + random.nextInt(h - 20);
            int i = y * w + x;
            boolean clear = stars.stream().noneMatch(s -> Math.hypot(s[0] - x, s[1] - y) < 10)
                    && hot.stream().noneMatch(j -> Math.hypot(j % w - x, j / w - y) < 5)
                    && nothingChangedNear(original, before, w, x, y, 3);
            if (clear) {
                planted[i] += (float) (noise * 20 * Math.pow(20, random.nextDouble()));
                hot.add(i);
            }
        }

        float[] corrected = HotPixelFilter.corrected(planted, w, h);

        for (int i : hot) {
            assertThat((double) corrected[i]).as("planted hot photosite at %d,%d", i % w, i / w)
                    .isCloseTo(original[i], within(5 * noise));
        }
        assertThat(changedPhotosites(planted, corrected)).isEqualTo(changedPhotosites(original, before) + hot.size());
    }

    private static List<int[]> independentStars(float[] mosaic, int w, int h) {
        float[] green = new CpuBackend().debayer(mosaic, w, h, "GRBG")[1];
        return IndependentStarMeasures.connectedSources(green, mosaic, w, h, 5).stream()
                .filter(s -> IndependentStarMeasures.adaptiveMomentFwhm(green, w, h, s[0], s[1]) >= MIN_STAR_FWHM)
                .toList();
    }

    private static boolean nothingChangedNear(float[] original, float[] corrected, int w, int x, int y, int radius) {
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                int i = (y + dy) * w + x + dx;
                if (original[i] != corrected[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int changedPhotosites(float[] before, float[] after) {
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += before[i] != after[i] ? 1 : 0;
        }
        return changed;
    }
}
