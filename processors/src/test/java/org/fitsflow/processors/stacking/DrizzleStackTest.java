package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.fitsflow.processors.analysis.FrameAnalyzer;
import org.fitsflow.processors.analysis.IndependentStarMeasures;
import org.fitsflow.processors.analysis.PlateScale;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.analysis.StarDetectionParameters;
import org.fitsflow.processors.analysis.SyntheticSky;
import org.fitsflow.processors.analysis.SyntheticSky.PlantedStar;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.FitsWriter;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drizzle x2 through the whole stack ({@code stacking: drizzle: {scale: 2, pixfrac: 0.7}}) on synthetic
 * undersampled subs, as the Seestar's 2.39 arcsec pixels make them: 121 stars of FWHM 1.5 sub pixels (sigma 0.64)
 * rendered at twice the resolution, then box-averaged 2 x 2 to the sub's pixels, in 16 subs of 192 x 192, each
 * shifted by up to 3 pixels (random sub-pixel phase) and turned by up to half a degree about its centre, on a sky
 * of 0.1 with noise 0.002. The subs are found, registered and weighted by the stack itself. The drizzled master's
 * stars are measured (adaptive moments, {@link IndependentStarMeasures}) in output pixels against the same stars
 * rendered at twice the resolution, and against the usual stack of the same subs enlarged 2x.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrizzleStackTest {
    private static final int SIZE = 192;
    private static final int SUBS = 16;
    private static final double SIGMA = 0.64;
    private static final double SKY = 0.1;
    private static final double NOISE = 0.002;
    /** A Seestar pixel, 2.9 um at 250 mm: 2.39 arcsec, in degrees. */
    private static final double CDELT = 2.9 / 250 * 206.265 / 3600;
    private static final DrizzleParameters X2 = new DrizzleParameters(2, 0.7);

    @TempDir
    static Path folder;
    private final CpuBackend cpu = new CpuBackend();
    private final List<PlantedStar> stars = SyntheticSky.starGrid(SIZE, SIZE, 16, 0.3, 0.8, SIGMA, 4);
    private final List<RigidTransform> toSubs = new ArrayList<>();
    private List<Path> subs;
    private StackResult drizzled;
    private StackResult plain;

    @BeforeAll
    void stackTheSubsBothWays() throws IOException {
        subs = writeSubs();
        StackingParameters keep = StackingParameters.DEFAULTS.withFraming(Framing.KEEP);
        drizzled = new SubStacker(keep.withDrizzle(Optional.of(X2)), cpu)
                .stack(subs, folder.resolve("work"), ProgressListener.NONE);
        plain = new SubStacker(keep, cpu).stack(subs, folder.resolve("work"), ProgressListener.NONE);
    }

    /**
     * Predicted for the drizzle (DrizzleTest): the true star blurred by the sub's pixel (2 output pixels), the drop
     * (1.4) and the output pixel (1), FWHM 3.51 output pixels against 3.09 for the 2x rendering (+14 %). Stated
     * tolerance: every star within 20 % of the 2x rendering (measured 3.52 against 3.09 median, 12 to 16 % per
     * star), and the median at least 10 % narrower than the usual stack enlarged 2x by bilinear interpolation
     * (measured 4.11, drizzle 14 % narrower; twice the usual stack's own FWHM, an enlargement that added no blur,
     * would be 3.59).
     */
    @Test
    void undersampledStarsComeOutNearlyAsSharpAsRenderedAtTwiceTheResolution() {
        assertThat(drizzled.usedCount()).isEqualTo(SUBS);
        Image master = drizzled.master();
        int out = 2 * SIZE;
        assertThat(master.width()).isEqualTo(out);
        assertThat(master.height()).isEqualTo(out);
        // the master's grid is the reference sub's: the stars where that sub saw them
        RigidTransform toReference = toSubs.get(subs.indexOf(drizzled.reference()));
        List<PlantedStar> onReference = stars.stream().map(s -> new PlantedStar(toReference.mapX(s.x(), s.y()),
                toReference.mapY(s.x(), s.y()), s.peak(), s.sigmaX(), s.sigmaY())).toList();
        float[] twice = new float[out * out];
        for (PlantedStar s : onReference) {
            SyntheticSky.addStar(twice, out, out, onTwiceFinerGrid(s, s.x(), s.y()));
        }
        float[] enlarged = enlargedTwice(plain.master().plane(0), SIZE);

        List<Double> drizzledFwhm = new ArrayList<>();
        List<Double> renderedFwhm = new ArrayList<>();
        List<Double> enlargedFwhm = new ArrayList<>();
        List<Double> plainFwhm = new ArrayList<>();
        for (PlantedStar s : onReference) {
            double u = 2 * s.x() + 0.5;
            double v = 2 * s.y() + 0.5;
            double fwhm = IndependentStarMeasures.adaptiveMomentFwhm(master.plane(0), out, out, u, v);
            double rendered = IndependentStarMeasures.adaptiveMomentFwhm(twice, out, out, u, v);
            assertThat(fwhm / rendered).as("star at %.1f,%.1f: drizzled %.3f against %.3f rendered at 2x", s.x(),
                    s.y(), fwhm, rendered).isBetween(1.0, 1.2);
            drizzledFwhm.add(fwhm);
            renderedFwhm.add(rendered);
            enlargedFwhm.add(IndependentStarMeasures.adaptiveMomentFwhm(enlarged, out, out, u, v));
            plainFwhm.add(IndependentStarMeasures.adaptiveMomentFwhm(plain.master().plane(0), SIZE, SIZE, s.x(), s.y()));
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < drizzledFwhm.size(); i++) {
            ratios.add(drizzledFwhm.get(i) / renderedFwhm.get(i));
        }
        System.out.printf(Locale.ROOT, "median FWHM in output pixels: drizzled %.3f, rendered at 2x %.3f (per star "
                        + "%.3f to %.3f times), usual stack enlarged 2x %.3f (twice its own %.3f sub pixels: %.3f)%n",
                median(drizzledFwhm), median(renderedFwhm), ratios.stream().min(Double::compare).orElseThrow(),
                ratios.stream().max(Double::compare).orElseThrow(), median(enlargedFwhm), median(plainFwhm),
                2 * median(plainFwhm));
        assertThat(median(drizzledFwhm)).isLessThan(0.9 * median(enlargedFwhm));
    }

    /**
     * The master's header: the stack's cards as for any master, and the pixel scale of the finer grid, so that
     * the plate scale read from it is half the sub's and a WCS still points its reference pixel at the same sky.
     */
    @Test
    void theHeaderSaysTheStackAndTheFinerGrid() throws IOException {
        Path file = folder.resolve("drizzled.fits");
        FitsWriter.writeFloat32(drizzled.master(), file, drizzled.history());
        FitsHeader header = FitsReader.read(file).header();

        assertThat(header.summary().stackCount()).isEqualTo(SUBS);
        assertThat(header.doubleValue("TOTALEXP")).contains(160.0);
        assertThat(header.doubleValue("LIVETIME")).contains(160.0);
        assertThat(header.stringValue("DATE-OBS")).contains("2024-07-30T22:10:00.000");
        assertThat(header.stringValue("DATE-END")).contains("2024-07-30T22:13:10.000");
        assertThat(header.doubleValue("XPIXSZ")).contains(1.45);
        assertThat(header.doubleValue("YPIXSZ")).contains(1.45);
        double subScale = PlateScale.of(FitsReader.read(subs.get(0)).header().summary()).orElseThrow().arcsecPerPixel();
        assertThat(PlateScale.of(header.summary()).orElseThrow().arcsecPerPixel()).isCloseTo(subScale / 2, within(1e-9));
        assertThat(header.doubleValue("CDELT1").orElseThrow()).isCloseTo(-CDELT / 2, within(1e-15));
        assertThat(header.doubleValue("CDELT2").orElseThrow()).isCloseTo(CDELT / 2, within(1e-15));
        // FITS pixel 96.5 of the sub (its centre) is 2 (96.5 - 0.5) + 0.5 of the finer grid
        assertThat(header.doubleValue("CRPIX1")).contains(192.5);
        assertThat(drizzled.history()).contains("drizzle scale 2, pixfrac 0.7: no pixel rejection",
                "flagged subs left out", "framing keep: whole reference grid");
        assertThat(drizzled.history()).noneMatch(line -> line.startsWith("rejection") || line.contains("interpolation"));
        assertThat(plain.history()).noneMatch(line -> line.contains("drizzle"));
        assertThat(plain.master().header().doubleValue("XPIXSZ")).contains(2.9);
    }

    /**
     * Kept whole, the coverage beside the master is the drizzle's weight map: where every sub covers, each drops
     * 0.7^2 of an input pixel's area per output pixel on average, a quarter of the drop's 1.4^2 output pixels, so
     * the 16 subs (weights of mean 1) give 16 x 0.49 = 7.84 (mean within 2 %); NaN in the master exactly where
     * the weight is 0.
     */
    @Test
    void keptWholeTheCoverageIsTheWeightMap() {
        Image weights = drizzled.coverage().orElseThrow();
        int out = 2 * SIZE;
        assertThat(weights.width()).isEqualTo(out);
        assertThat(weights.channels()).isEqualTo(1);
        double sum = 0;
        int n = 0;
        for (int v = 32; v < out - 32; v++) {
            for (int u = 32; u < out - 32; u++) {
                sum += weights.plane(0)[v * out + u];
                n++;
            }
        }
        assertThat(sum / n).isCloseTo(SUBS * 0.49, within(0.02 * SUBS * 0.49));
        float[] master = drizzled.master().plane(0);
        for (int i = 0; i < master.length; i++) {
            assertThat(Float.isNaN(master[i])).as("pixel %d", i).isEqualTo(weights.plane(0)[i] == 0);
        }
    }

    /**
     * Cropped (the default framing), the master is the largest rectangle of the finer grid that more than half of
     * the subs cover: inside the 2 x 192 output pixels by at most the subs' shifts and turns (up to 6 + 1 sub
     * pixels either way, 14 output pixels), every pixel with data, the WCS's reference pixel moved with the crop.
     */
    @Test
    void croppedTheMasterIsTheAreaMostSubsCoverOnTheFinerGrid() throws IOException {
        StackResult cropped = new SubStacker(StackingParameters.DEFAULTS.withDrizzle(Optional.of(X2)), cpu)
                .stack(subs, folder.resolve("work"), ProgressListener.NONE);

        Image master = cropped.master();
        assertThat(cropped.coverage()).isEmpty();
        assertThat(master.width()).isBetween(2 * SIZE - 28, 2 * SIZE - 1);
        assertThat(master.height()).isBetween(2 * SIZE - 28, 2 * SIZE - 1);
        for (float value : master.plane(0)) {
            assertThat(value).isNotNaN();
        }
        String framing = cropped.history().stream().filter(line -> line.startsWith("framing crop: ")).findFirst()
                .orElseThrow();
        String[] words = framing.split("[ ,]+");
        assertThat(master.header().doubleValue("CRPIX1")).contains(192.5 - Integer.parseInt(words[3]));
        assertThat(master.header().doubleValue("CRPIX2")).contains(192.5 - Integer.parseInt(words[5]));
    }

    /**
     * The three raw NGC 7023 subs of the shared data drizzled as a night would be: hot photosites corrected and RCD
     * debayered as for the usual stack, then dropped at 2x. The stars keep their width in sky units: median FWHM
     * in output pixels within 15 % of twice the subs' (as the usual stack keeps the subs', SubStackerTest).
     */
    @Test
    void rawSeestarSubsAreDevelopedAsForTheUsualStackAndDrizzled() throws IOException {
        StackResult result = new SubStacker(StackingParameters.DEFAULTS.withDrizzle(Optional.of(X2)), cpu)
                .stack(SeestarSubs.ngc7023TenSeconds(), folder.resolve("seestar"), ProgressListener.NONE);

        FrameAnalyzer analyzer = new FrameAnalyzer(StarDetectionParameters.DEFAULTS);
        List<Double> subFwhm = new ArrayList<>();
        for (Path sub : SeestarSubs.ngc7023TenSeconds()) {
            subFwhm.add(analyzer.stars(FitsReader.read(sub), cpu).medianFwhm());
        }
        Image master = result.master();
        long nan = 0;
        for (float value : master.plane(1)) {
            nan += Float.isNaN(value) ? 1 : 0;
        }
        double fwhm = analyzer.stars(master, cpu).medianFwhm();
        System.out.printf(Locale.ROOT, "NGC 7023 drizzled x2: %d x %d, NaN %d, median FWHM %.3f output px, subs' %.3f px%n",
                master.width(), master.height(), nan, fwhm, median(subFwhm));
        assertThat(result.usedCount()).isEqualTo(3);
        assertThat(master.channels()).isEqualTo(3);
        assertThat(master.header().summary().bayerPattern()).isNull();
        assertThat(master.header().doubleValue("XPIXSZ").orElseThrow()).isCloseTo(1.45, within(1e-6));
        assertThat(result.history()).contains("rcd debayer of raw subs", "drizzle scale 2, pixfrac 0.7: no pixel rejection");
        assertThat(fwhm).isCloseTo(2 * median(subFwhm), within(0.15 * 2 * median(subFwhm)));
    }

    /** The sub's pixel centre (x, y) on the grid twice finer: 2 (x + 0.5) - 0.5. */
    private static PlantedStar onTwiceFinerGrid(PlantedStar s, double x, double y) {
        return new PlantedStar(2 * x + 0.5, 2 * y + 0.5, s.peak(), 2 * s.sigmaX(), 2 * s.sigmaY());
    }

    /** Each output pixel bilinearly interpolated from the plane at its centre, ((u + 0.5) / 2 - 0.5, ...). */
    private static float[] enlargedTwice(float[] plane, int size) {
        int out = 2 * size;
        float[] enlarged = new float[out * out];
        for (int v = 0; v < out; v++) {
            double y = Math.min(size - 1, Math.max(0, (v + 0.5) / 2 - 0.5));
            int y0 = Math.min(size - 2, (int) y);
            double fy = y - y0;
            for (int u = 0; u < out; u++) {
                double x = Math.min(size - 1, Math.max(0, (u + 0.5) / 2 - 0.5));
                int x0 = Math.min(size - 2, (int) x);
                double fx = x - x0;
                double top = (1 - fx) * plane[y0 * size + x0] + fx * plane[y0 * size + x0 + 1];
                double bottom = (1 - fx) * plane[(y0 + 1) * size + x0] + fx * plane[(y0 + 1) * size + x0 + 1];
                enlarged[v * out + u] = (float) ((1 - fy) * top + fy * bottom);
            }
        }
        return enlarged;
    }

    /**
     * Sub k sees the reference's sky through {@code toFrame}: the stars rendered at 2x where the transform puts
     * them, box-averaged 2 x 2, noise added; its header says 10 s from 12 s after the previous, a Seestar's pixel
     * and focal length, and a WCS centred on the frame.
     */
    private List<Path> writeSubs() throws IOException {
        Random random = new Random(21);
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < SUBS; k++) {
            double angle = Math.toRadians(random.nextDouble() - 0.5);
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double centre = (SIZE - 1) / 2.0;
            RigidTransform toFrame = new RigidTransform(angle,
                    centre - c * centre + s * centre + 6 * random.nextDouble() - 3,
                    centre - s * centre - c * centre + 6 * random.nextDouble() - 3);
            int fine = 2 * SIZE;
            float[] twice = new float[fine * fine];
            for (PlantedStar star : stars) {
                SyntheticSky.addStar(twice, fine, fine, onTwiceFinerGrid(star, toFrame.mapX(star.x(), star.y()),
                        toFrame.mapY(star.x(), star.y())));
            }
            float[] sub = SyntheticSky.plane(SIZE, SIZE, SKY, NOISE, List.of(), 100 + k);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int i = 2 * y * fine + 2 * x;
                    sub[y * SIZE + x] += (twice[i] + twice[i + 1] + twice[i + fine] + twice[i + fine + 1]) / 4;
                }
            }
            String date = String.format(Locale.ROOT, "2024-07-30T22:%02d:%02d", 10 + 12 * k / 60, 12 * k % 60);
            List<HeaderCard> cards = List.of(new HeaderCard("OBJECT", "SYNTHETIC", null),
                    new HeaderCard("EXPTIME", "10.0", "[s]"), new HeaderCard("DATE-OBS", date, null),
                    new HeaderCard("FOCALLEN", "250", "[mm]"), new HeaderCard("XPIXSZ", "2.9", "[um]"),
                    new HeaderCard("YPIXSZ", "2.9", "[um]"), new HeaderCard("CRPIX1", "96.5", null),
                    new HeaderCard("CRPIX2", "96.5", null), new HeaderCard("CDELT1", Double.toString(-CDELT), null),
                    new HeaderCard("CDELT2", Double.toString(CDELT), null));
            HeaderSummary summary = new HeaderSummary(SIZE, SIZE, 1, -32, "SYNTHETIC", 10.0, null, null, null, null,
                    null, date, 250.0, 2.9);
            Path file = folder.resolve(String.format(Locale.ROOT, "Light_%02d.fit", k));
            FitsWriter.writeFloat32(new Image(SIZE, SIZE, new float[][] {sub}, new FitsHeader(cards, summary)), file,
                    List.of());
            files.add(file);
            toSubs.add(toFrame);
        }
        return files;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
