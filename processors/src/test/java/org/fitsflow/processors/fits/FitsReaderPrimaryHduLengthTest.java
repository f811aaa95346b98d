package org.fitsflow.processors.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The length a file's primary HDU declares, read from its header alone. */
class FitsReaderPrimaryHduLengthTest {
    @TempDir
    Path dir;

    @Test
    void aSeestarFrameDeclaresExactlyItsOwnLength() throws IOException {
        Path frame = SharedData.require(SharedData.RGB_NGC7023);
        // two header blocks, then 3 x 1080 x 1920 16-bit samples (a whole number of blocks)
        assertThat(FitsReader.primaryHduLength(frame)).hasValue(2 * 2880 + 3L * 1080 * 1920 * 2);
        assertThat(FitsReader.primaryHduLength(frame)).hasValue(Files.size(frame));
    }

    @Test
    void aFileCutAfterItsHeaderStillDeclaresTheWholeLength() throws IOException {
        Path frame = SharedData.require(SharedData.RGB_NGC7023);
        Path cut = Files.write(dir.resolve("cut.fit"), Arrays.copyOf(Files.readAllBytes(frame), 100_000));
        assertThat(FitsReader.primaryHduLength(cut)).hasValue(Files.size(frame));
    }

    @Test
    void dataIsPaddedToAWholeBlock() throws IOException {
        // 3 x 1 16-bit samples: 6 bytes of data take one whole block
        Path file = TestFits.image(16, 3, 1).samples(1, 2, 3).writeTo(dir.resolve("small.fit"));
        assertThat(FitsReader.primaryHduLength(file)).hasValue(2 * 2880);
        assertThat(Files.size(file)).isEqualTo(2 * 2880);
    }

    @Test
    void anExtensionAfterThePrimaryImageIsNotPartOfIt() throws IOException {
        Path image = TestFits.image(8, 2, 1).samples(10, 20).writeTo(dir.resolve("image.fit"));
        byte[] extension = Files.readAllBytes(TestFits.image(8, 2, 1).samples(1, 2).inExtension().writeTo(dir.resolve("e.fit")));
        Path file = dir.resolve("image-and-extension.fit");
        Files.write(file, Files.readAllBytes(image));
        Files.write(file, Arrays.copyOfRange(extension, 2880, extension.length), StandardOpenOption.APPEND);
        assertThat(FitsReader.primaryHduLength(file)).hasValue(Files.size(image));
    }

    @Test
    void noLengthWhenThePrimaryHduDoesNotHoldTheImage() throws IOException {
        assertThat(FitsReader.primaryHduLength(TestFits.image(16, 4, 4).inExtension().writeTo(dir.resolve("ext.fit"))))
                .isEqualTo(OptionalLong.empty());
        assertThat(FitsReader.primaryHduLength(HostileFitsCorpus.noImage(dir))).isEqualTo(OptionalLong.empty());
        assertThat(FitsReader.primaryHduLength(TestFits.image(16, 4, 4).card("GROUPS", true).writeTo(dir.resolve("groups.fit"))))
                .isEqualTo(OptionalLong.empty());
    }

    @Test
    void noLengthForAGzipFileWhoseStoredLengthSaysNothing() throws IOException {
        Path file = TestFits.image(16, 4, 4).gzipped().writeTo(dir.resolve("image.fit.gz"));
        assertThat(FitsReader.primaryHduLength(file)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void refusedWhenTheHeaderCannotBeRead() {
        assertThatThrownBy(() -> FitsReader.primaryHduLength(HostileFitsCorpus.empty(dir)))
                .isInstanceOf(InvalidFitsException.class).hasMessageContaining("empty file");
        assertThatThrownBy(() -> FitsReader.primaryHduLength(HostileFitsCorpus.text(dir)))
                .isInstanceOf(InvalidFitsException.class).hasMessageContaining("not a FITS file");
        assertThatThrownBy(() -> FitsReader.primaryHduLength(HostileFitsCorpus.truncatedHeader(dir)))
                .isInstanceOf(InvalidFitsException.class).hasMessageContaining("truncated header");
        assertThatThrownBy(() -> FitsReader.primaryHduLength(HostileFitsCorpus.noEnd(dir)))
                .isInstanceOf(InvalidFitsException.class).hasMessageContaining("no END card");
        assertThatThrownBy(() -> FitsReader.primaryHduLength(HostileFitsCorpus.bitpix12(dir)))
                .isInstanceOf(InvalidFitsException.class).hasMessageContaining("BITPIX = 12");
    }
}
