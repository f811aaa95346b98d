package org.fitsflow.processors.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibration of synthetic lights whose sky is known ({@link SyntheticSensor}): a night folder with lights and
 * {@code biases/}, {@code darks/}, {@code flats/} beside them, written as 16-bit FITS files.
 */
class CalibrationMastersTest {
    private static final double EXPOSURE = 10;
    private static final double GAIN = 80;
    private static final SensorLayout LAYOUT =
            new SensorLayout(SyntheticSensor.WIDTH, SyntheticSensor.HEIGHT, SyntheticSensor.PATTERN);

    private final SyntheticSensor sensor = new SyntheticSensor();
    private final Random random = new Random(99);

    @TempDir
    Path night;

    /**
     * The expected light is the sky through the sensor's response, times the median over the photosite's colour
     * of what the flat panel gave (the master flat is normalised per colour) over what this photosite got, computed
     * here from the sensor's definition. The noise of one calibrated photosite is about 0.0015 to 0.0023 (light
     * 0.0012, master dark 0.0003, divided by the flat's 0.7 to 1); so: every 16 x 16 block's mean error within
     * 0.0006 (4 standard errors), the RMS error below 0.0025, the amp-glow corner within 0.006, and each hot or
     * dead photosite within 0.004 of the sky around it (the median of the expected values of its same-colour
     * ring: its own photosite says nothing of the sky). Measured: RMS 0.0013, worst block 0.00024; uncalibrated,
     * the worst block is off by 0.05.
     */
    @Test
    void calibratedLightsAgreeWithTheKnownSky() throws IOException {
        Path light = writeNight(16, 16, 12);

        CalibrationMasters masters = CalibrationMasters.build(CalibrationFolders.discover(night.resolve("lights")),
                CalibrationParameters.DEFAULTS, LAYOUT, night.resolve("work"));
        Image raw = FitsReader.read(light);
        Image calibrated = masters.calibrate(raw, "light_1.fit");

        double[] expected = expectedSky(sensor);
        float[] out = calibrated.plane(0);
        double squares = 0;
        for (int i = 0; i < out.length; i++) {
            squares += Math.pow(out[i] - expected[i], 2);
        }
        assertThat(Math.sqrt(squares / out.length)).as("RMS error").isLessThan(0.0025);
        assertThat(worstBlockError(out, expected)).as("worst 16 x 16 block mean error").isLessThan(0.0006);
        assertThat(worstBlockError(raw.plane(0), expected)).as("the same, uncalibrated").isGreaterThan(0.03);
        for (int i : concat(sensor.hotSites(), sensor.deadSites())) {
            assertThat((double) out[i]).as("defect at %d,%d", i % LAYOUT.width(), i / LAYOUT.width())
                    .isCloseTo(ringMedian(expected, i), within(0.004));
        }
        int corner = (LAYOUT.height() - 2) * LAYOUT.width() + LAYOUT.width() - 2;
        assertThat((double) out[corner]).as("amp glow corner").isCloseTo(expected[corner], within(0.006));
        assertThat(calibrated.header().cards()).extracting(HeaderCard::comment).contains(
                "calibrated: master dark of 16 frames (10 s, gain 80, 20 C); master flat of 12 frames");
        assertThat(masters.history()).containsExactly(
                "calibration: master bias of 16 frames (winsorized)",
                "calibration: master flat of 12 frames, bias-subtracted, normalised per colour",
                "calibration: master dark of 16 frames (10 s, gain 80, 20 C) (winsorized), cosmetic correction of "
                        + SyntheticSensor.HOT + " hot and " + SyntheticSensor.DEAD + " cold photosites");
    }

    @Test
    void masterBiasByMedianIsThePerPhotositeMedianOfTheFrames() throws IOException {
        writeNight(7, 0, 0);
        CalibrationParameters median = new CalibrationParameters(Combination.MEDIAN, 3, 0.5, 2, true, 5, 5);

        MasterFrame bias = CalibrationMasters.build(CalibrationFolders.discover(night.resolve("lights")), median, LAYOUT,
                night.resolve("work")).bias().orElseThrow();

        float[][] frames = readAll("biases");
        for (int i = 0; i < LAYOUT.width() * LAYOUT.height(); i++) {
            double[] values = new double[frames.length];
            for (int f = 0; f < frames.length; f++) {
                values[f] = frames[f][i];
            }
            Arrays.sort(values);
            assertThat(bias.pixels()[i]).isEqualTo((float) values[values.length / 2]);
        }
        assertThat(bias.frameCount()).isEqualTo(7);
    }

    /**
     * Two dark frames carry cosmic-ray hits (+0.2 on 40 photosites each): the winsorized master must agree with
     * an implementation of the documented definition written here, and leave the hits out (within 4 sigma of the
     * master's noise of the truth).
     */
    @Test
    void masterDarkByWinsorizedClippingAgreesWithAnIndependentOneAndDropsCosmicRays() throws IOException {
        List<Integer> hits = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            hits.add(random.nextInt(LAYOUT.width() * LAYOUT.height()));
        }
        for (int f = 0; f < 12; f++) {
            double[] dark = sensor.dark(EXPOSURE, random);
            if (f == 3 || f == 8) {
                for (int i : hits) {
                    dark[i] += 0.2;
                }
            }
            SyntheticSensor.write(night.resolve("darks/dark_" + f + ".fit"), dark, "Dark", EXPOSURE, GAIN, 20.0);
        }

        MasterFrame dark = CalibrationMasters.build(CalibrationFolders.discover(night), CalibrationParameters.DEFAULTS,
                LAYOUT, night.resolve("work")).darks().get(0);

        float[][] frames = readAll("darks");
        for (int i = 0; i < LAYOUT.width() * LAYOUT.height(); i++) {
            double[] values = new double[frames.length];
            for (int f = 0; f < frames.length; f++) {
                values[f] = frames[f][i];
            }
            assertThat((double) dark.pixels()[i]).isCloseTo(IndependentWinsorized.mean(values, 3), within(1e-6));
        }
        for (int i : hits) {
            double truth = SyntheticSensor.bias(i % LAYOUT.width()) + sensor.darkCurrent(i, EXPOSURE);
            assertThat((double) dark.pixels()[i]).isCloseTo(truth, within(4 * SyntheticSensor.NOISE / Math.sqrt(10)));
        }
    }

    @Test
    void eachLightTakesTheClosestMatchingDark() throws IOException {
        writeFrames("darks/a", 5, () -> sensor.dark(30, random), "Dark", 30, 20.0);
        writeFrames("darks/b", 5, () -> sensor.dark(EXPOSURE, random), "Dark", EXPOSURE, 20.5);
        writeFrames("darks/c", 5, () -> sensor.dark(EXPOSURE, random), "Dark", EXPOSURE, 0.5);
        writeFrames("darks/d", 4, () -> sensor.dark(EXPOSURE, random), "Dark", EXPOSURE, -0.5);

        CalibrationMasters masters = CalibrationMasters.build(
                new CalibrationFrames(List.of(), listed("darks/a", "darks/b", "darks/c", "darks/d"), List.of()),
                CalibrationParameters.DEFAULTS, LAYOUT, night.resolve("work"));

        assertThat(masters.darks()).extracting(MasterFrame::describe).containsExactly(
                "dark of 5 frames (30 s, gain 80, 20 C)",
                "dark of 9 frames (10 s, gain 80, 0.5 C)",
                "dark of 5 frames (10 s, gain 80, 20.5 C)");
        assertThat(historyOf(masters, EXPOSURE, 1.2)).isEqualTo("calibrated: master dark of 9 frames (10 s, gain 80, 0.5 C)");
        assertThat(historyOf(masters, EXPOSURE, 19.0)).isEqualTo("calibrated: master dark of 5 frames (10 s, gain 80, 20.5 C)");
        assertThat(historyOf(masters, 30.2, 21.0)).isEqualTo("calibrated: master dark of 5 frames (30 s, gain 80, 20 C)");
    }

    @Test
    void aLightNoDarkMatchesIsRefusedWithTheReason() throws IOException {
        writeFrames("darks", 3, () -> sensor.dark(30, random), "Dark", 30, 20.0);
        CalibrationMasters masters = CalibrationMasters.build(CalibrationFolders.discover(night),
                CalibrationParameters.DEFAULTS, LAYOUT, night.resolve("work"));
        Image light = FitsReader.read(SyntheticSensor.write(night.resolve("light.fit"), sensor.light(EXPOSURE, random),
                "Light", EXPOSURE, GAIN, 20.3));
        Image otherGain = FitsReader.read(SyntheticSensor.write(night.resolve("gain.fit"), sensor.light(30, random),
                "Light", 30, 120, 20.0));
        Image warmer = FitsReader.read(SyntheticSensor.write(night.resolve("warm.fit"), sensor.light(30, random),
                "Light", 30, GAIN, 25.0));

        assertThatThrownBy(() -> masters.calibrate(light, "light.fit")).isInstanceOf(CalibrationException.class)
                .hasMessage("no master dark of the same gain within 0.5 s and 2 C of light.fit (10 s, gain 80, 20.3 C);"
                        + " darks: 30 s, gain 80, 20 C (3 frames)");
        assertThatThrownBy(() -> masters.calibrate(otherGain, "gain.fit"))
                .hasMessageStartingWith(
                        "no master dark of the same gain within 0.5 s and 2 C of gain.fit (30 s, gain 120, 20 C)");
        assertThatThrownBy(() -> masters.calibrate(warmer, "warm.fit"))
                .hasMessageStartingWith(
                        "no master dark of the same gain within 0.5 s and 2 C of warm.fit (30 s, gain 80, 25 C)");
    }

    @Test
    void withoutCalibrationFramesALightPassesUnchanged() throws IOException {
        CalibrationMasters masters = CalibrationMasters.build(CalibrationFrames.NONE, CalibrationParameters.DEFAULTS,
                LAYOUT, night.resolve("work"));
        float[] mosaic = toFloats(sensor.light(EXPOSURE, random));

        assertThat(masters.isEmpty()).isTrue();
        assertThat(masters.calibrate(mosaic, new FrameConditions(EXPOSURE, GAIN, 20.0), "light")).isEqualTo(mosaic);
        assertThat(masters.history()).isEmpty();
    }

    @Test
    void onlyABiasSubtractsTheBias() throws IOException {
        writeFrames("biases", 9, () -> sensor.bias(random), "Bias", 0, 20.0);
        CalibrationMasters masters = CalibrationMasters.build(CalibrationFolders.discover(night),
                CalibrationParameters.DEFAULTS, LAYOUT, night.resolve("work"));
        double[] light = sensor.light(EXPOSURE, random);

        float[] calibrated = masters.calibrate(toFloats(light), new FrameConditions(EXPOSURE, GAIN, 20.0), "light");

        double worst = 0;
        double squares = 0;
        for (int y = 0; y < LAYOUT.height(); y++) {
            for (int x = 0; x < LAYOUT.width(); x++) {
                int i = y * LAYOUT.width() + x;
                if (!sensor.deadSites().contains(i)) {
                    double difference = calibrated[i] - (light[i] - SyntheticSensor.bias(x));
                    worst = Math.max(worst, Math.abs(difference));
                    squares += difference * difference;
                }
            }
        }
        // what is left is the master bias's own noise: 0.0004 for 9 frames
        double masterNoise = SyntheticSensor.NOISE / 3;
        assertThat(Math.sqrt(squares / (LAYOUT.width() * LAYOUT.height()))).as("RMS difference from the light minus"
                + " the true bias (dead photosites aside)").isLessThan(1.15 * masterNoise);
        assertThat(worst).as("largest difference").isLessThan(6 * masterNoise);
    }

    private String historyOf(CalibrationMasters masters, double seconds, double temperature) throws IOException {
        Path file = SyntheticSensor.write(night.resolve("light-" + seconds + "-" + temperature + ".fit"),
                sensor.light(seconds, random), "Light", seconds, GAIN, temperature);
        Image calibrated = masters.calibrate(FitsReader.read(file), file.getFileName().toString());
        List<HeaderCard> cards = calibrated.header().cards();
        return cards.get(cards.size() - 1).comment();
    }

    /** Lights in {@code lights/}, calibration frames beside them; returns the first light. */
    private Path writeNight(int biases, int darks, int flats) {
        Path first = null;
        for (int k = 1; k <= 3; k++) {
            Path light = SyntheticSensor.write(night.resolve("lights/light_" + k + ".fit"), sensor.light(EXPOSURE, random),
                    "Light", EXPOSURE, GAIN, 19.8 + 0.2 * k);
            first = first == null ? light : first;
        }
        writeFrames("biases", biases, () -> sensor.bias(random), "Bias", 0, 20.0);
        writeFrames("darks", darks, () -> sensor.dark(EXPOSURE, random), "Dark", EXPOSURE, 20.0);
        writeFrames("flats", flats, () -> sensor.flat(random), "Flat", SyntheticSensor.FLAT_SECONDS, 20.0);
        return first;
    }

    private void writeFrames(String folder, int count, Supplier<double[]> frame, String type,
                             double seconds, double temperature) {
        for (int k = 0; k < count; k++) {
            SyntheticSensor.write(night.resolve(folder).resolve(type.toLowerCase() + "_" + k + ".fit"), frame.get(),
                    type, seconds, GAIN, temperature);
        }
    }

    private List<Path> listed(String... folders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> entries = Files.list(night.resolve(folder))) {
                entries.sorted().forEach(files::add);
            }
        }
        return files;
    }

    private float[][] readAll(String folder) throws IOException {
        List<Path> files = listed(folder);
        float[][] frames = new float[files.size()][];
        for (int f = 0; f < frames.length; f++) {
            frames[f] = FitsReader.read(files.get(f)).plane(0);
        }
        return frames;
    }

    /** The sky through the response, times the colour's median flat level over this photosite's. */
    private static double[] expectedSky(SyntheticSensor sensor) {
        double[] colourMedian = new double[3];
        for (int c = 0; c < 3; c++) {
            List<Double> values = new ArrayList<>();
            for (int y = 0; y < LAYOUT.height(); y++) {
                for (int x = 0; x < LAYOUT.width(); x++) {
                    if (SyntheticSensor.PATTERN.colourAt(y, x) == c) {
                        values.add(flatAsTaken(sensor, x, y));
                    }
                }
            }
            values.sort(null);
            int n = values.size();
            colourMedian[c] = n % 2 == 1 ? values.get(n / 2) : 0.5 * (values.get(n / 2 - 1) + values.get(n / 2));
        }
        double[] expected = new double[LAYOUT.width() * LAYOUT.height()];
        for (int y = 0; y < LAYOUT.height(); y++) {
            for (int x = 0; x < LAYOUT.width(); x++) {
                double throughOptics = SyntheticSensor.transmission(x, y) * SyntheticSensor.response(x, y)
                        * SyntheticSensor.sky(x, y);
                expected[y * LAYOUT.width() + x] = throughOptics
                        * colourMedian[SyntheticSensor.PATTERN.colourAt(y, x)] / flatAsTaken(sensor, x, y);
            }
        }
        return expected;
    }

    /** A bias-subtracted flat: the panel's light plus the flat's own second of dark current (amp glow included). */
    private static double flatAsTaken(SyntheticSensor sensor, int x, int y) {
        return SyntheticSensor.flatSignal(x, y) + sensor.darkCurrent(y * LAYOUT.width() + x, SyntheticSensor.FLAT_SECONDS);
    }

    private static double worstBlockError(float[] values, double[] expected) {
        double worst = 0;
        for (int by = 0; by + 16 <= LAYOUT.height(); by += 16) {
            for (int bx = 0; bx + 16 <= LAYOUT.width(); bx += 16) {
                double sum = 0;
                for (int y = by; y < by + 16; y++) {
                    for (int x = bx; x < bx + 16; x++) {
                        sum += values[y * LAYOUT.width() + x] - expected[y * LAYOUT.width() + x];
                    }
                }
                worst = Math.max(worst, Math.abs(sum / 256));
            }
        }
        return worst;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static double ringMedian(double[] values, int i) {
        int x = i % LAYOUT.width();
        int y = i / LAYOUT.width();
        List<Double> ring = new ArrayList<>();
        for (int dy = -2; dy <= 2; dy += 2) {
            for (int dx = -2; dx <= 2; dx += 2) {
                if (dx != 0 || dy != 0) {
                    ring.add(values[(y + dy) * LAYOUT.width() + x + dx]);
                }
            }
        }
        ring.sort(null);
        return 0.5 * (ring.get(3) + ring.get(4));
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
