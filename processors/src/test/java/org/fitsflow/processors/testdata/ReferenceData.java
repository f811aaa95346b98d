package org.fitsflow.processors.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.yaml.snakeyaml.Yaml;

/** The shared test frames and the reference results made from them (see shared/data/SOURCES.md). */
public final class ReferenceData {
    public static final String RGB_FRAME = "seestar-rgb-ngc7023";
    public static final String SYNTHETIC_FRAME = "synthetic-stacked";
    public static final String NGC7023_SUB = "Light_NGC_7023_10.0s_IRCUT_20240730-224436";
    public static final String M94_SUB = "Light_M_94_10.0s_IRCUT_20250326-212046";
    /** The inputs that have STF references: two frames and two raw subs. */
    public static final List<String> STF_INPUTS = List.of(RGB_FRAME, SYNTHETIC_FRAME, NGC7023_SUB, M94_SUB);
    public static final List<String> RAW_SUBS = List.of(NGC7023_SUB, M94_SUB);

    private ReferenceData() {
    }

    public static Path root() {
        String shared = System.getProperty("fitsflow.shared");
        assertThat(shared).as("system property fitsflow.shared (set by the parent pom)").isNotNull();
        return Path.of(shared);
    }

    /** The FITS file of a reference input name. */
    public static Path fits(String name) {
        Path frame = root().resolve("data/frames").resolve(name + ".fit");
        return Files.exists(frame) ? frame : root().resolve("data/seestar-subs").resolve(name + ".fit");
    }

    public static Image image(String name) {
        try {
            return FitsReader.read(fits(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reference JSON document, e.g. {@code reference("x", "stf")} for {@code x.stf.json}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> reference(String name, String kind) {
        try {
            // JSON is a subset of YAML, so the YAML parser the library already uses reads it
            return new Yaml().load(Files.readString(root().resolve("reference").resolve(name + "." + kind + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reference PNG as a raster (bands R, G, B or one grey band; PNG row 0 is the top). */
    public static Raster png(String name, String kind) {
        try {
            BufferedImage image = ImageIO.read(root().resolve("reference").resolve(name + "." + kind + ".png").toFile());
            return image.getRaster();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
