package org.fitsflow.processors.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The normalised pixels agree with an independent numpy/astropy reader: per-channel median and MAD from
 * shared/reference/NAME.stf.json, within 1e-7 (well below one 16-bit level, 1.5e-5).
 */
class FitsReaderReferenceTest {
    private static final Pattern SUB_NAME = Pattern.compile("Light_(.+)_(\\d+)\\.0s_(\\w+)_\\d{8}-\\d{6}\\.fit");

    static Stream<Path> referenceInputs() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.ROOT.resolve("reference"))) {
            List<Path> inputs = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".stf.json"))
                    .map(n -> n.substring(0, n.length() - ".stf.json".length()) + ".fit")
                    .map(FitsReaderReferenceTest::dataFile)
                    .sorted()
                    .toList();
            assertThat(inputs).as("reference inputs").hasSizeGreaterThanOrEqualTo(4);
            return inputs.stream();
        }
    }

    static Stream<Path> seestarSubs() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.ROOT.resolve("data/seestar-subs"))) {
            List<Path> subs = files.filter(f -> f.toString().endsWith(".fit")).sorted().toList();
            assertThat(subs).as("Seestar subs").hasSize(8);
            return subs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("referenceInputs")
    void channelMedianAndMadMatchTheReference(Path input) throws IOException {
        Image image = FitsReader.read(SharedData.require(input));
        List<Map<String, Double>> expected = reference(input);

        assertThat(image.channels()).isEqualTo(expected.size());
        for (int c = 0; c < image.channels(); c++) {
            double median = median(image.plane(c).clone());
            float[] deviations = image.plane(c).clone();
            for (int i = 0; i < deviations.length; i++) {
                deviations[i] = (float) Math.abs(deviations[i] - median);
            }
            assertThat(median).as("median of channel %d", c).isCloseTo(expected.get(c).get("median"), within(1e-7));
            assertThat(median(deviations)).as("MAD of channel %d", c).isCloseTo(expected.get(c).get("mad"), within(1e-7));
        }
    }

    @ParameterizedTest
    @MethodSource("seestarSubs")
    void everySeestarSubIsARawMosaicDescribedByItsName(Path sub) throws IOException {
        Matcher name = SUB_NAME.matcher(sub.getFileName().toString());
        assertThat(name.matches()).as("name pattern of %s", sub.getFileName()).isTrue();

        HeaderSummary s = FitsReader.readHeader(sub).summary();

        assertThat(s.width()).isEqualTo(1080);
        assertThat(s.height()).isEqualTo(1920);
        assertThat(s.planes()).isEqualTo(1);
        assertThat(s.bitpix()).isEqualTo(16);
        assertThat(s.bayerPattern()).isEqualTo("GRBG");
        assertThat(s.object()).isEqualTo(name.group(1).replace('_', ' '));
        assertThat(s.exposureSeconds()).isEqualTo(Double.parseDouble(name.group(2)));
        assertThat(s.filter()).isEqualTo(name.group(3));
        assertThat(s.instrument()).isEqualTo("Seestar S50");
        assertThat(s.isRawMosaic()).isTrue();
    }

    private static Path dataFile(String name) {
        Path sub = SharedData.ROOT.resolve("data/seestar-subs").resolve(name);
        return Files.exists(sub) ? sub : SharedData.ROOT.resolve("data/frames").resolve(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Double>> reference(Path input) throws IOException {
        String name = input.getFileName().toString().replaceFirst("\\.fit$", ".stf.json");
        Map<String, Object> json = new Yaml().load(Files.readString(SharedData.ROOT.resolve("reference").resolve(name)));
        return (List<Map<String, Double>>) json.get("channels");
    }

    /** numpy's median: the mean of the two middle values for an even count. */
    private static double median(float[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + (double) values[n / 2]) / 2;
    }
}
