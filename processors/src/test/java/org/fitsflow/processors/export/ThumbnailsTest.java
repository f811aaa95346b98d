package org.fitsflow.processors.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thumbnails as the JPEG export writes them and as {@link Thumbnails#fromJpeg} makes them later. Decoded
 * thumbnails are compared with a tolerance for their own JPEG compression (quality 85): flat areas within 4
 * levels, a whole thumbnail within 1.5 levels on average.
 */
class ThumbnailsTest {
    @TempDir
    Path dir;

    @Test
    void sizesKeepTheAspectRatioAndNeverEnlarge() {
        assertThat(Thumbnails.size(1080, 1920, 320)).containsExactly(180, 320);
        assertThat(Thumbnails.size(1080, 1920, 1080)).containsExactly(608, 1080);
        assertThat(Thumbnails.size(6248, 4176, 320)).containsExactly(320, 214);
        assertThat(Thumbnails.size(200, 100, 320)).containsExactly(200, 100);
        assertThat(Thumbnails.size(320, 100, 320)).containsExactly(320, 100);
        assertThat(Thumbnails.size(3, 5000, 320)).containsExactly(1, 320);
    }

    @Test
    void theyLiveInAThumbnailsFolderBesideThePictureUnderItsName() {
        assertThat(Thumbnails.fileFor(Path.of("out/m42.quick_dso.jpg"), 320))
                .isEqualTo(Path.of("out/thumbnails/m42.quick_dso.320.jpg"));
        assertThat(Thumbnails.fileFor(Path.of("m42-2.jpg"), 1080)).isEqualTo(Path.of("thumbnails/m42-2.1080.jpg"));
    }

    @Test
    void theJpegExportWritesBothSizesAndListsThemApartFromThePicture() throws Exception {
        Path picture = dir.resolve("frame.jpg");

        ExportedFile exported = new JpegExporter(JpegParameters.defaults()).write(gradient(1080, 1920, 3), picture, List.of());

        assertThat(exported.file()).isEqualTo(picture);
        assertThat(exported.thumbnails()).containsExactly(
                new Thumbnail(dir.resolve("thumbnails/frame.320.jpg"), 320, 180, 320),
                new Thumbnail(dir.resolve("thumbnails/frame.1080.jpg"), 1080, 608, 1080));
        for (Thumbnail thumbnail : exported.thumbnails()) {
            BufferedImage decoded = ImageIO.read(thumbnail.file().toFile());
            assertThat(decoded.getWidth()).isEqualTo(thumbnail.width());
            assertThat(decoded.getHeight()).isEqualTo(thumbnail.height());
        }
        assertThat(names(dir)).containsExactlyInAnyOrder("frame.jpg", "thumbnails");
        assertThat(names(dir.resolve("thumbnails"))).containsExactlyInAnyOrder("frame.320.jpg", "frame.1080.jpg");
    }

    @Test
    void theyKeepTheOrientationOfThePictureWithFitsRowZeroAtTheBottom() throws Exception {
        // the first tenth of the FITS rows bright: the bottom of the picture
        int width = 400;
        int height = 1000;
        float[][] planes = new float[3][width * height];
        for (float[] plane : planes) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = i < width * height / 10 ? 0.9f : 0.1f;
            }
        }
        Path picture = dir.resolve("rows.jpg");

        ExportedFile exported = new JpegExporter(JpegParameters.defaults())
                .write(new Image(width, height, planes, TestImages.header(width, height, 3)), picture, List.of());

        Raster main = ImageIO.read(picture.toFile()).getRaster();
        Raster small = ImageIO.read(exported.thumbnails().get(0).file().toFile()).getRaster();
        assertThat(main.getSample(200, 990, 0)).isGreaterThan(200);
        assertThat(small.getSample(64, small.getHeight() - 5, 0)).isCloseTo(main.getSample(200, 990, 0), within(4));
        assertThat(small.getSample(64, 5, 0)).isCloseTo(main.getSample(200, 10, 0), within(4));
    }

    @Test
    void theyKeepTheColours() throws Exception {
        // three vertical bands: red, green, blue, at levels a gallery card shows
        int width = 900;
        int height = 600;
        float[][] planes = new float[3][width * height];
        for (int i = 0; i < width * height; i++) {
            int band = (i % width) / 300;
            planes[0][i] = band == 0 ? 0.8f : 0.1f;
            planes[1][i] = band == 1 ? 0.7f : 0.15f;
            planes[2][i] = band == 2 ? 0.9f : 0.05f;
        }
        Path picture = dir.resolve("bands.jpg");

        ExportedFile exported = new JpegExporter(JpegParameters.defaults())
                .write(new Image(width, height, planes, TestImages.header(width, height, 3)), picture, List.of());

        Raster small = ImageIO.read(exported.thumbnails().get(0).file().toFile()).getRaster();
        int[][] expected = {{204, 38, 13}, {26, 179, 13}, {26, 38, 230}};
        for (int band = 0; band < 3; band++) {
            int x = band * small.getWidth() / 3 + small.getWidth() / 6;
            for (int c = 0; c < 3; c++) {
                assertThat(small.getSample(x, small.getHeight() / 2, c)).as("band %d channel %d", band, c)
                        .isCloseTo(expected[band][c], within(4));
            }
        }
    }

    @Test
    void aFineCheckerboardBecomesAnEvenGreyThumbnail() throws Exception {
        int width = 1920;
        int height = 1080;
        float[][] planes = new float[1][width * height];
        byte[] board = AreaDownscalerTest.checkerboard(width, height);
        for (int i = 0; i < board.length; i++) {
            planes[0][i] = (board[i] & 0xFF) / 255f;
        }
        Path picture = dir.resolve("board.jpg");

        ExportedFile exported = new JpegExporter(JpegParameters.defaults())
                .write(new Image(width, height, planes, TestImages.header(width, height, 1)), picture, List.of());

        Raster small = ImageIO.read(exported.thumbnails().get(0).file().toFile()).getRaster();
        assertThat(small.getNumBands()).isEqualTo(1);
        int[] samples = small.getSamples(0, 0, small.getWidth(), small.getHeight(), 0, (int[]) null);
        assertThat(Arrays.stream(samples).min().orElseThrow()).isGreaterThanOrEqualTo(124);
        assertThat(Arrays.stream(samples).max().orElseThrow()).isLessThanOrEqualTo(132);
    }

    @Test
    void aPictureSmallerThanAThumbnailGetsOneOfItsOwnSize() throws Exception {
        ExportedFile exported = new JpegExporter(JpegParameters.defaults()).write(gradient(200, 150, 3), dir.resolve("small.jpg"), List.of());

        assertThat(exported.thumbnails()).extracting(Thumbnail::width).containsExactly(200, 200);
        assertThat(exported.thumbnails()).extracting(Thumbnail::height).containsExactly(150, 150);
    }

    @Test
    void anEmptyListWritesNone() throws Exception {
        ExportedFile exported = new JpegExporter(new JpegParameters(95, List.of())).write(gradient(64, 48, 3), dir.resolve("a.jpg"), List.of());

        assertThat(exported.thumbnails()).isEmpty();
        assertThat(names(dir)).containsExactly("a.jpg");
    }

    @Test
    void aPictureWrittenEarlierGetsTheThumbnailsTheExportWouldHaveMade() throws Exception {
        Image image = gradient(1080, 1920, 3);
        Path withThem = dir.resolve("with/frame.jpg");
        Path earlier = dir.resolve("earlier/frame.jpg");
        Files.createDirectories(withThem.getParent());
        Files.createDirectories(earlier.getParent());
        List<Thumbnail> exported = new JpegExporter(JpegParameters.defaults()).write(image, withThem, List.of()).thumbnails();
        new JpegExporter(new JpegParameters(95, List.of())).write(image, earlier, List.of());

        List<Thumbnail> made = Thumbnails.fromJpeg(earlier, Thumbnails.DEFAULT_SIDES);

        assertThat(made).extracting(Thumbnail::file).containsExactly(
                earlier.resolveSibling("thumbnails/frame.320.jpg"), earlier.resolveSibling("thumbnails/frame.1080.jpg"));
        for (int i = 0; i < made.size(); i++) {
            assertThat(made.get(i).width()).isEqualTo(exported.get(i).width());
            assertThat(made.get(i).height()).isEqualTo(exported.get(i).height());
            // made from the decoded picture instead of its rows: only the picture's own JPEG loss apart
            assertThat(meanAbsoluteDifference(made.get(i).file(), exported.get(i).file())).isLessThan(1.5);
        }
    }

    @Test
    void fromJpegRefusesAFileThatIsNoPicture() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a picture");

        assertThatThrownBy(() -> Thumbnails.fromJpeg(text, Thumbnails.DEFAULT_SIDES))
                .isInstanceOf(IOException.class).hasMessage("notes.jpg is not a picture ImageIO can read");
    }

    @Test
    void theJpegParametersNameABadList() {
        assertThatThrownBy(() -> new JpegParameters(95, List.of(8))).hasMessage("thumbnails: each longest side must be 16..8192 pixels, got 8");
        assertThatThrownBy(() -> new JpegParameters(95, List.of(320, 320))).hasMessage("thumbnails: each longest side once, got [320, 320]");
    }

    /** A smooth diagonal ramp per channel, different in each, with a little structure to compress. */
    private static Image gradient(int width, int height, int channels) {
        float[][] planes = new float[channels][width * height];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    planes[c][y * width + x] = (float) (0.1 + 0.3 * x / width + 0.3 * y / height + 0.1 * c
                            + 0.05 * Math.sin(x / 7.0) * Math.cos(y / 5.0));
                }
            }
        }
        return new Image(width, height, planes, TestImages.header(width, height, channels));
    }

    private static double meanAbsoluteDifference(Path a, Path b) throws IOException {
        Raster first = ImageIO.read(a.toFile()).getRaster();
        Raster second = ImageIO.read(b.toFile()).getRaster();
        int[] x = first.getPixels(0, 0, first.getWidth(), first.getHeight(), (int[]) null);
        int[] y = second.getPixels(0, 0, second.getWidth(), second.getHeight(), (int[]) null);
        long total = 0;
        for (int i = 0; i < x.length; i++) {
            total += Math.abs(x[i] - y[i]);
        }
        return total / (double) x.length;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Offset<Integer> within(int levels) {
        return Offset.offset(levels);
    }
}
