package org.fitsflow.processors.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fitsflow.processors.fits.TestFits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration frames that cannot be used are refused, naming the kind, the file and the reason. */
class CalibrationRefusalTest {
    private static final SensorLayout LAYOUT =
            new SensorLayout(SyntheticSensor.WIDTH, SyntheticSensor.HEIGHT, SyntheticSensor.PATTERN);

    @TempDir
    Path folder;

    private final SyntheticSensor sensor = new SyntheticSensor();
    private final Random random = new Random(1);

    @Test
    void aTruncatedFrameIsRefused() throws IOException {
        Path good = SyntheticSensor.write(folder.resolve("dark_1.fit"), sensor.dark(10, random), "Dark", 10, 80, 20.0);
        Path cut = folder.resolve("dark_2.fit");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(good), 10_000));

        assertThatThrownBy(() -> build(List.of(), List.of(good, cut), List.of()))
                .isInstanceOf(CalibrationException.class)
                .hasMessageStartingWith("dark frame dark_2.fit cannot be read: ");
    }

    @Test
    void aFileThatIsNoFitsIsRefused() throws IOException {
        Path text = Files.writeString(folder.resolve("flat_1.fit"), "these are my notes on flats");

        assertThatThrownBy(() -> build(List.of(), List.of(), List.of(text)))
                .hasMessageStartingWith("flat frame flat_1.fit cannot be read: ");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path empty = Files.createFile(folder.resolve("bias_1.fits"));

        assertThatThrownBy(() -> build(List.of(empty), List.of(), List.of()))
                .hasMessageStartingWith("bias frame bias_1.fits cannot be read: ");
    }

    @Test
    void aColourFrameIsRefused() {
        Path colour = TestFits.image(16, SyntheticSensor.WIDTH, SyntheticSensor.HEIGHT, 3).card("BZERO", 32768)
                .writeTo(folder.resolve("stacked.fit"));

        assertThatThrownBy(() -> build(List.of(colour), List.of(), List.of()))
                .hasMessage("bias frame stacked.fit has 3 planes; calibration frames are raw mosaics or mono frames,"
                        + " as the lights");
    }

    @Test
    void aFrameOfAnotherSizeIsRefused() {
        Path turned = TestFits.image(16, SyntheticSensor.HEIGHT, SyntheticSensor.WIDTH).card("BZERO", 32768)
                .writeTo(folder.resolve("dark.fit"));

        assertThatThrownBy(() -> build(List.of(), List.of(turned), List.of()))
                .hasMessage("dark frame dark.fit 120 x 160 differs from the lights' 160 x 120");
    }

    @Test
    void aFrameOfAnotherBayerPatternIsRefused() {
        Path rggb = TestFits.image(16, SyntheticSensor.WIDTH, SyntheticSensor.HEIGHT).card("BZERO", 32768)
                .card("BAYERPAT", "RGGB").writeTo(folder.resolve("flat.fit"));

        assertThatThrownBy(() -> build(List.of(), List.of(), List.of(rggb)))
                .hasMessage("flat frame flat.fit Bayer pattern RGGB differs from the lights' GRBG");
    }

    @Test
    void aFlatWithoutLightIsRefused() {
        Path bias = SyntheticSensor.write(folder.resolve("bias.fit"), sensor.bias(random), "Bias", 0, 80, 20.0);
        Path black = SyntheticSensor.write(folder.resolve("flat.fit"), sensor.bias(random), "Flat", 1, 80, 20.0);

        assertThatThrownBy(() -> build(List.of(bias), List.of(), List.of(black)))
                .hasMessageStartingWith("flat frame flat.fit has no light: its median level is ");
    }

    @Test
    void lightsOfAnotherLayoutAreRefused() throws IOException {
        Path bias = SyntheticSensor.write(folder.resolve("bias.fit"), sensor.bias(random), "Bias", 0, 80, 20.0);
        CalibrationMasters masters = build(List.of(bias), List.of(), List.of());

        assertThatThrownBy(() -> masters.calibrate(new float[10], new FrameConditions(10.0, 80.0, 20.0), "tiny.fit"))
                .hasMessage("tiny.fit has 10 photosites, the calibration frames 160 x 120");
    }

    @Test
    void parametersOutOfRangeAreNamedAsPipelinesWriteThem() {
        assertThatThrownBy(() -> new CalibrationParameters(Combination.MEDIAN, 0.5, 0.5, 2, true, 5, 5))
                .hasMessage("kappa must be between 1 and 10, got 0.5");
        assertThatThrownBy(() -> new CalibrationParameters(Combination.MEDIAN, 3, -1, 2, true, 5, 5))
                .hasMessage("exposure_tolerance must be 0 to 3600 seconds, got -1.0");
        assertThatThrownBy(() -> new CalibrationParameters(Combination.MEDIAN, 3, 0.5, Double.NaN, true, 5, 5))
                .hasMessage("temperature_tolerance must be 0 to 100 degrees, got NaN");
        assertThatThrownBy(() -> new CalibrationParameters(Combination.MEDIAN, 3, 0.5, 2, true, 1, 5))
                .hasMessage("hot_sigma must be between 2 and 50, got 1.0");
        assertThatThrownBy(() -> new CalibrationParameters(Combination.MEDIAN, 3, 0.5, 2, true, 5, 60))
                .hasMessage("cold_sigma must be between 2 and 50, got 60.0");
        assertThat(CalibrationParameters.DEFAULTS.combination()).isEqualTo(Combination.WINSORIZED);
        assertThat(Combination.WINSORIZED.yamlName()).isEqualTo("winsorized");
    }

    @Test
    void aMonoSensorNormalisesItsFlatAsOneColour() throws IOException {
        SensorLayout mono = new SensorLayout(SyntheticSensor.WIDTH, SyntheticSensor.HEIGHT, null);
        double[] flat = new double[SyntheticSensor.WIDTH * SyntheticSensor.HEIGHT];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = 0.2 + 0.2 * (i % SyntheticSensor.WIDTH) / SyntheticSensor.WIDTH;
        }
        Path file = TestFits.image(-32, SyntheticSensor.WIDTH, SyntheticSensor.HEIGHT).samples(flat)
                .writeTo(folder.resolve("flat.fit"));
        CalibrationMasters masters = CalibrationMasters.build(new CalibrationFrames(List.of(), List.of(), List.of(file)),
                CalibrationParameters.DEFAULTS, mono, folder.resolve("work"));
        float[] light = new float[flat.length];
        for (int i = 0; i < light.length; i++) {
            light[i] = (float) (0.5 * flat[i]);
        }

        float[] calibrated = masters.calibrate(light, new FrameConditions(null, null, null), "mono.fit");

        double median = 0.3;
        for (float v : calibrated) {
            assertThat((double) v).isCloseTo(0.5 * median, within(2e-3));
        }
    }

    private CalibrationMasters build(List<Path> biases, List<Path> darks, List<Path> flats) throws IOException {
        return CalibrationMasters.build(new CalibrationFrames(biases, darks, flats), CalibrationParameters.DEFAULTS,
                LAYOUT, folder.resolve("work"));
    }
}
