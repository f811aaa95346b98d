package org.fitsflow.processors.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fitsflow.processors.Processing;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.calibration.CalibrationException;
import org.fitsflow.processors.calibration.CalibrationFolders;
import org.fitsflow.processors.calibration.CalibrationFrames;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.processors.stacking.StackingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stack_subs} on the real M 94 subs with a planted sensor signature ({@link PlantedSensor}): with the
 * calibration folders beside the subs the master matches the master of the untouched subs, without them it keeps
 * the vignetting and the warm photosites.
 */
class CalibratedStackTest {
    private static final List<String> M94 = List.of("Light_M_94_10.0s_IRCUT_20250326-212046.fit",
            "Light_M_94_10.0s_IRCUT_20250326-212057.fit", "Light_M_94_10.0s_IRCUT_20250326-212108.fit",
            "Light_M_94_10.0s_IRCUT_20250326-212119.fit");
    private static final SubsetProcessor PROCESSOR = new SubsetProcessor(new CpuBackend());

    @TempDir
    static Path folder;
    private static PlantedSensor sensor;
    private static List<Path> subs;
    private static Image clean;
    private static Image calibrated;
    private static Image plain;
    private static PipelineResult calibratedResult;
    private static PipelineResult plainResult;

    @BeforeAll
    static void stackThreeWays() throws IOException {
        subs = M94.stream().map(SeestarSubs.FOLDER::resolve).toList();
        sensor = new PlantedSensor();
        List<Path> withFrames = sensor.plantLights(subs, folder.resolve("calibrated/M 94_sub"));
        sensor.writeCalibrationFrames(subs.get(0), folder.resolve("calibrated"), 8);
        List<Path> withoutFrames = sensor.plantLights(subs, folder.resolve("plain/M 94_sub"));

        clean = stack(subs, "clean").master;
        Stacked c = stack(withFrames, "calibrated");
        calibrated = c.master;
        calibratedResult = c.result;
        Stacked p = stack(withoutFrames, "plain");
        plain = p.master;
        plainResult = p.result;
    }

    private record Stacked(Image master, PipelineResult result) {
    }

    private static Stacked stack(List<Path> files, String stem) throws IOException {
        PipelineResult result = PROCESSOR.run(files, PipelineLibrary.builtIn("stack_subs"), folder.resolve("out"), stem,
                ProgressListener.NONE);
        return new Stacked(FitsReader.read(folder.resolve("out/" + stem + ".fits")), result);
    }

    @Test
    void calibrationFoldersBesideTheSubsAreFound() throws IOException {
        assertThat(CalibrationFolders.discover(folder.resolve("calibrated/M 94_sub")).darks()).hasSize(8);
        assertThat(CalibrationFolders.discover(folder.resolve("plain/M 94_sub")).isEmpty()).isTrue();
    }

    @Test
    void calibrationFlattensTheVignettingThatThePlainStackKeeps() {
        // the clean master's own background is the baseline: 0 is flat, 0.18 the planted vignetting and amp glow
        assertThat(vignetting(calibrated)).isLessThan(0.01);
        assertThat(vignetting(plain)).isGreaterThan(0.15);
    }

    @Test
    void calibrationRemovesTheWarmPhotositesThatThePlainStackKeeps() {
        int[] warm = sensor.warmSites();
        // 3000 sites: the standard error of the mean is 0.02 sigma; the clean master reads 0.04 there
        assertThat(siteExcess(calibrated, crop(calibrated), warm, 0, 0)).isLessThan(0.1);
        assertThat(siteExcess(plain, crop(plain), warm, 0, 0)).isGreaterThan(1.0);
        assertThat(siteExcess(clean, crop(clean), warm, 0, 0)).isLessThan(0.1);
        assertThat(siteExcess(plain, crop(plain), warm, 8, 6)).isBetween(-0.1, 0.1);
    }

    @Test
    void theMasterAndTheMeasurementsSayWhichMastersWereUsed() {
        assertThat(history(calibrated)).contains("calibration: master bias of 8 frames (winsorized)",
                "calibration: dark (10 s, gain 80, 25.1 C) on 4 subs stacked");
        assertThat(history(calibrated)).anyMatch(l -> l.startsWith("calibration: master flat of 8 frames, bias-subtracted"));
        assertThat(history(plain)).contains("calibration: none (no bias, dark or flat frames)");
        @SuppressWarnings("unchecked")
        Map<String, Object> used = (Map<String, Object>) calibratedResult.measurements().get("calibration");
        assertThat(used).containsEntry("applied", true).containsEntry("bias_frames", 8).containsEntry("flat_frames", 8)
                .containsEntry("darks", List.of(Map.of("frames", 8, "exposure_seconds", 10.0, "gain", 80.0,
                        "temperature_c", 25.125, "subs", 4)));
        @SuppressWarnings("unchecked")
        Map<String, Object> none = (Map<String, Object>) plainResult.measurements().get("calibration");
        assertThat(none).containsEntry("applied", false).containsEntry("bias_frames", 0).containsEntry("darks", List.of());
    }

    @Test
    void framesPassedByTheCallerCalibrateAsTheFolders() throws IOException {
        CalibrationFrames frames = CalibrationFolders.discover(folder.resolve("calibrated/M 94_sub"));
        List<Path> withoutFrames = M94.stream().map(folder.resolve("plain/M 94_sub")::resolve).toList();

        Processing.run(PipelineLibrary.builtIn("stack_subs"), withoutFrames, frames, input -> Optional.empty(),
                folder.resolve("out"), "given", new CpuBackend(), ProgressListener.NONE);

        Image given = FitsReader.read(folder.resolve("out/given.fits"));
        for (int c = 0; c < 3; c++) {
            assertThat(Arrays.equals(given.plane(c), calibrated.plane(c))).as("channel %d", c).isTrue();
        }
    }

    @Test
    void aSubNoDarkMatchesIsLeftOutNamingBoth(@TempDir Path set) throws IOException {
        List<Path> lights = sensor.plantLights(subs.subList(0, 1), set.resolve("lights"));
        writeDarksAt(set, -5);

        assertThatThrownBy(() -> PROCESSOR.run(lights, PipelineLibrary.builtIn("stack_subs"), set.resolve("out"), "m",
                ProgressListener.NONE)).isInstanceOf(StackingException.class)
                .hasMessageContaining("Light_M_94_10.0s_IRCUT_20250326-212046.fit: not calibrated: no master dark of"
                        + " the same gain within 0.5 s and 2 C of Light_M_94_10.0s_IRCUT_20250326-212046.fit"
                        + " (10 s, gain 80, 25.1 C); darks: 10 s, gain 80, -5 C (2 frames)");
    }

    @Test
    void theMasterSaysWhichSubNoDarkMatched(@TempDir Path set) throws IOException {
        List<Path> lights = sensor.plantLights(subs.subList(0, 2), set.resolve("lights"));
        writeDarksAt(set, 25.1);
        PlantedSensor.setTemperature(lights.get(1), 31);

        PipelineResult result = PROCESSOR.run(lights, PipelineLibrary.builtIn("stack_subs"), set.resolve("out"), "m",
                ProgressListener.NONE);

        String reason = "not calibrated: no master dark of the same gain within 0.5 s and 2 C of"
                + " Light_M_94_10.0s_IRCUT_20250326-212057.fit (10 s, gain 80, 31 C); darks: 10 s, gain 80, 25.1 C"
                + " (2 frames)";
        assertThat(result.measurements().get("rejected"))
                .isEqualTo(List.of("Light_M_94_10.0s_IRCUT_20250326-212057.fit: " + reason));
        assertThat(historyText(set.resolve("out/m.fits")))
                .contains("left out Light_M_94_10.0s_IRCUT_20250326-212057.fit: " + reason);
    }

    @Test
    void theTemperatureToleranceOfThePipelineDecidesWhichDarksMatch(@TempDir Path set) throws IOException {
        List<Path> lights = sensor.plantLights(subs.subList(0, 1), set.resolve("lights"));
        writeDarksAt(set, 20);
        String tolerant = """
                name: tolerant_stack
                subs: stack
                stacking:
                  calibration:
                    temperature_tolerance: 6
                exports: [{format: jpeg}]
                """;

        // 5.1 C apart: beyond the default 2 C, within the pipeline's 6 C
        assertThatThrownBy(() -> PROCESSOR.run(lights, PipelineLibrary.builtIn("stack_subs"), set.resolve("out"), "m",
                ProgressListener.NONE)).isInstanceOf(StackingException.class)
                .hasMessageContaining("not calibrated: no master dark of the same gain within 0.5 s and 2 C of");
        PipelineResult result = PROCESSOR.run(lights, new PipelineLoader().parse(tolerant), set.resolve("out"), "t",
                ProgressListener.NONE);

        @SuppressWarnings("unchecked")
        Map<String, Object> used = (Map<String, Object>) result.measurements().get("calibration");
        assertThat(used).containsEntry("darks", List.of(Map.of("frames", 2, "exposure_seconds", 10.0, "gain", 80.0,
                "temperature_c", 20.0, "subs", 1)));
        assertThat(history(FitsReader.read(set.resolve("out/t.fits"))))
                .contains("calibration: dark (10 s, gain 80, 20 C) on 1 subs stacked");
    }

    /** Two frames of each kind into {@code set}'s calibration folders, the darks taken at {@code celsius}. */
    private static void writeDarksAt(Path set, double celsius) throws IOException {
        sensor.writeCalibrationFrames(subs.get(0), set, 2);
        try (Stream<Path> darks = Files.list(set.resolve("darks"))) {
            for (Path dark : darks.toList()) {
                PlantedSensor.setTemperature(dark, celsius);
            }
        }
    }

    /** The text of a FITS file's HISTORY cards as written, a line split over several cards read whole again. */
    private static String historyText(Path fits) throws IOException {
        byte[] bytes = Files.readAllBytes(fits);
        StringBuilder text = new StringBuilder();
        for (int card = 0; (card + 1) * 80 <= bytes.length; card++) {
            String image = new String(bytes, card * 80, 80, StandardCharsets.US_ASCII);
            if (image.startsWith("END     ")) {
                break;
            }
            if (image.startsWith("HISTORY ")) {
                text.append(image, 8, 80);
            }
        }
        return text.toString();
    }

    @Test
    void anUnreadableFrameRefusesTheStackNamingIt(@TempDir Path set) throws IOException {
        List<Path> lights = sensor.plantLights(subs.subList(0, 1), set.resolve("lights"));
        sensor.writeCalibrationFrames(subs.get(0), set, 2);
        Path flat = set.resolve("flats/flat_01.fit");
        Files.write(flat, Arrays.copyOf(Files.readAllBytes(flat), 100_000));

        assertThatThrownBy(() -> PROCESSOR.run(lights, PipelineLibrary.builtIn("stack_subs"), set.resolve("out"), "m",
                ProgressListener.NONE)).isInstanceOf(CalibrationException.class)
                .hasMessageStartingWith("flat frame flat_01.fit cannot be read: ");
        try (Stream<Path> left = Files.list(set.resolve("out"))) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * The background of each corner box over the same box of the clean master, against the same ratio in boxes
     * a quarter of the height from the top and bottom: the largest departure from 1.
     */
    static double vignetting(Image master) {
        double[][] corners = {{0.12, 0.08}, {0.88, 0.08}, {0.12, 0.92}, {0.88, 0.92}};
        double mid = (ratio(master, 0.5, 0.25) + ratio(master, 0.5, 0.75)) / 2;
        double worst = 0;
        for (double[] corner : corners) {
            worst = Math.max(worst, Math.abs(ratio(master, corner[0], corner[1]) / mid - 1));
        }
        return worst;
    }

    private static double ratio(Image master, double fx, double fy) {
        return boxMedian(master, fx, fy) / boxMedian(clean, fx, fy);
    }

    private static double boxMedian(Image image, double fx, double fy) {
        int size = 100;
        int x0 = (int) (fx * image.width()) - size / 2;
        int y0 = (int) (fy * image.height()) - size / 2;
        float[] plane = image.plane(1);
        double[] values = new double[size * size];
        int n = 0;
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                float v = plane[y * image.width() + x];
                if (Float.isFinite(v)) {
                    values[n++] = v;
                }
            }
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[n / 2];
    }

    /**
     * The mean excess, in the master's noise, of the given photosites of the reference sub (whose grid the master
     * keeps, less the crop), shifted by an even number of pixels (the same colours) for a baseline: each pixel over
     * the median of its eight neighbours, in the plane of the photosite's colour.
     */
    static double siteExcess(Image master, int[] crop, int[] sites, int shiftX, int shiftY) {
        float[][] excess = new float[3][];
        double[] sigma = new double[3];
        for (int c = 0; c < 3; c++) {
            excess[c] = excess(master, c);
            sigma[c] = robustSigma(excess[c]);
        }
        double sum = 0;
        int n = 0;
        for (int site : sites) {
            int sx = site % PlantedSensor.WIDTH + shiftX;
            int sy = site / PlantedSensor.WIDTH + shiftY;
            int x = sx - crop[0];
            int y = sy - crop[1];
            // GRBG: green on even rows' even columns and odd rows' odd columns, red on even rows, blue on odd
            int c = sy % 2 == sx % 2 ? 1 : sy % 2 == 0 ? 0 : 2;
            if (x > 0 && y > 0 && x < master.width() - 1 && y < master.height() - 1) {
                float e = excess[c][y * master.width() + x];
                if (Float.isFinite(e)) {
                    sum += e / sigma[c];
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static float[] excess(Image master, int channel) {
        int w = master.width();
        int h = master.height();
        float[] plane = master.plane(channel);
        float[] excess = new float[w * h];
        Arrays.fill(excess, Float.NaN);
        float[] ring = new float[8];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (dx != 0 || dy != 0) {
                            ring[k++] = plane[(y + dy) * w + x + dx];
                        }
                    }
                }
                Arrays.sort(ring);
                excess[y * w + x] = plane[y * w + x] - (ring[3] + ring[4]) / 2;
            }
        }
        return excess;
    }

    private static double robustSigma(float[] values) {
        double[] finite = IntStream.range(0, values.length).filter(i -> Float.isFinite(values[i]))
                .mapToDouble(i -> values[i]).sorted().toArray();
        double median = finite[finite.length / 2];
        double[] deviations = Arrays.stream(finite).map(v -> Math.abs(v - median)).sorted().toArray();
        return 1.4826 * deviations[deviations.length / 2];
    }

    /** The crop's x and y from the master's HISTORY line {@code framing crop: x 5 y 5, ...}. */
    static int[] crop(Image master) {
        String line = history(master).stream().filter(l -> l.startsWith("framing crop: x ")).findFirst().orElseThrow();
        String[] words = line.replace(",", "").split(" ");
        return new int[] {Integer.parseInt(words[3]), Integer.parseInt(words[5])};
    }

    private static List<String> history(Image image) {
        return image.header().cards().stream().filter(c -> c.keyword().equals("HISTORY"))
                .map(c -> c.comment() != null ? c.comment() : c.value()).map(String::strip).toList();
    }
}
