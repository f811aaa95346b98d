package org.fitsflow.routes.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.TestFits;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodedUploadsTest {
    /** 8 x 8 pixels, one channel: 256 bytes of float32 each. */
    private static final long IMAGE_BYTES = 8 * 8 * Float.BYTES;

    @TempDir
    Path dir;

    @Test
    void anImageServesOneJob() throws IOException {
        DecodedUploads decoded = new DecodedUploads(10 * IMAGE_BYTES);
        Path file = upload("a.fit");
        Image image = FitsReader.read(file);
        decoded.keep(file, image);

        assertThat(decoded.take(dir.resolve("./a.fit"))).containsSame(image);
        assertThat(decoded.take(file)).isEmpty();
    }

    @Test
    void theOldestImagesMakeRoomForNewOnes() throws IOException {
        DecodedUploads decoded = new DecodedUploads(2 * IMAGE_BYTES);
        Path a = upload("a.fit");
        Path b = upload("b.fit");
        Path c = upload("c.fit");
        for (Path file : new Path[] {a, b, c}) {
            decoded.keep(file, FitsReader.read(file));
        }
        assertThat(decoded.take(a)).isEmpty();
        assertThat(decoded.take(b)).isPresent();
        assertThat(decoded.take(c)).isPresent();
    }

    @Test
    void anImageLargerThanTheCapacityOrANoCapacityCacheKeepsNothing() throws IOException {
        Path file = upload("a.fit");
        DecodedUploads small = new DecodedUploads(IMAGE_BYTES - 1);
        small.keep(file, FitsReader.read(file));
        assertThat(small.take(file)).isEmpty();

        DecodedUploads none = new DecodedUploads(0);
        none.keep(file, FitsReader.read(file));
        assertThat(none.take(file)).isEmpty();
    }

    @Test
    void aSixteenBitImageCountsAsItsCodesAndTheirValues() throws IOException {
        Path file = TestFits.image(16, 8, 8).samples(new double[64]).writeTo(dir.resolve("codes.fit"));
        Image image = FitsReader.read(file);
        assertThat(image.coded()).isPresent();

        DecodedUploads exact = new DecodedUploads(image.pixelBytes());
        exact.keep(file, image);
        assertThat(exact.take(file)).containsSame(image);

        DecodedUploads tooSmall = new DecodedUploads(image.pixelBytes() - 1);
        tooSmall.keep(file, image);
        assertThat(tooSmall.take(file)).isEmpty();
    }

    private Path upload(String name) throws IOException {
        return TestFits.image(-32, 8, 8).samples(new double[64]).writeTo(dir.resolve(name));
    }
}
