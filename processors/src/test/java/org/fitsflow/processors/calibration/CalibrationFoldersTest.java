package org.fitsflow.processors.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFoldersTest {
    @TempDir
    Path night;

    @Test
    void findsFoldersBesideTheSubsFolder() throws IOException {
        Path subs = Files.createDirectories(night.resolve("M 94_sub"));
        Path bias = touch("biases/bias_001.fit");
        Path dark2 = touch("darks/dark_002.FITS");
        Path dark1 = touch("darks/dark_001.fit");
        Path flat = touch("flats/flat.fts.gz");

        CalibrationFrames frames = CalibrationFolders.discover(subs);

        assertThat(frames.biases()).containsExactly(bias);
        assertThat(frames.darks()).containsExactly(dark1, dark2);
        assertThat(frames.flats()).containsExactly(flat);
    }

    @Test
    void prefersFoldersInsideTheSubsFolderAndAcceptsSingularNamesInAnyCase() throws IOException {
        Files.createDirectories(night.resolve("subs"));
        touch("darks/beside.fit");
        Path inside = touch("subs/Dark/inside.fit");
        Path flat = touch("subs/FLATS/f.fit");

        CalibrationFrames frames = CalibrationFolders.discover(night.resolve("subs"));

        assertThat(frames.darks()).containsExactly(inside);
        assertThat(frames.flats()).containsExactly(flat);
        assertThat(frames.biases()).isEmpty();
    }

    @Test
    void takesOnlyFitsFilesAndLeavesHiddenOnesAndSubfoldersOut() throws IOException {
        Files.createDirectories(night.resolve("subs"));
        Path dark = touch("darks/d.fit");
        touch("darks/.d.fit");
        touch("darks/notes.txt");
        touch("darks/d.fit.part");
        Files.createDirectories(night.resolve("darks/old.fit"));

        assertThat(CalibrationFolders.discover(night.resolve("subs")).darks()).containsExactly(dark);
    }

    @Test
    void aSetWithoutCalibrationFoldersHasNoFrames() throws IOException {
        Path subs = Files.createDirectories(night.resolve("subs"));
        touch("subs/Light_1.fit");

        CalibrationFrames frames = CalibrationFolders.discover(subs);

        assertThat(frames.isEmpty()).isTrue();
        assertThat(frames).isEqualTo(CalibrationFrames.NONE);
    }

    private Path touch(String relative) throws IOException {
        Path file = night.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[] {1});
    }
}
