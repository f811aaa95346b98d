package org.fitsflow.processors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.export.Thumbnail;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.InvalidFitsException;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunnerTest {
    private static final Path DATA = Path.of(System.getProperty("fitsflow.shared")).resolve("data");
    private static final Path REFERENCE = Path.of(System.getProperty("fitsflow.shared")).resolve("reference");
    private static final Path STACKED = DATA.resolve("frames/seestar-rgb-ngc7023.fit");
    private static final Path RAW_SUB = DATA.resolve("seestar-subs/Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit");

    private final PipelineLoader loader = new PipelineLoader();
    private final PipelineRunner runner = new PipelineRunner(new CpuBackend());

    @TempDir
    Path out;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void quickDsoWritesAJpegAndReportsMonotonicProgress() throws Exception {
        List<Double> percents = new ArrayList<>();
        List<String> stages = new ArrayList<>();

        PipelineResult result = runner.run(STACKED, PipelineLibrary.builtIn("quick_dso"), out,
                "ngc7023.quick_dso", (percent, step) -> {
                    percents.add(percent);
                    stages.add(step);
                });

        assertThat(result.outputs()).containsExactly(out.resolve("ngc7023.quick_dso.jpg"));
        BufferedImage jpeg = ImageIO.read(result.outputs().get(0).toFile());
        assertThat(jpeg.getWidth()).isEqualTo(1080);
        assertThat(jpeg.getHeight()).isEqualTo(1920);
        assertThat(jpeg.getRaster().getNumBands()).isEqualTo(3);
        assertThat(stages).containsExactly("reading", "histogram_stretch", "export_jpeg", "done");
        assertThat(percents).isSorted().startsWith(0.0).endsWith(100.0);
        assertThat(result.gpuUsed()).isFalse();
        assertThat(result.backend()).isEqualTo("cpu");
        assertThat(result.input().width()).isEqualTo(1080);
        assertThat(result.input().planes()).isEqualTo(3);
        assertThat(result.measurements()).containsKey("histogram_stretch");
        assertThat(result.thumbnails()).extracting(Thumbnail::file).containsExactly(
                out.resolve("thumbnails/ngc7023.quick_dso.320.jpg"), out.resolve("thumbnails/ngc7023.quick_dso.1080.jpg"));
        assertThat(result.thumbnails()).extracting(Thumbnail::width).containsExactly(180, 608);
        assertThat(listing()).containsExactly("ngc7023.quick_dso.jpg",
                "thumbnails/ngc7023.quick_dso.1080.jpg", "thumbnails/ngc7023.quick_dso.320.jpg");
    }

    @Test
    void stretchedPngMatchesTheReferenceRenderingIncludingOrientation() throws Exception {
        PipelineDefinition pipeline = loader.parse("""
                name: reference
                steps: [{step: histogram_stretch, mode: unlinked}]
                exports: [{format: png, bits: 8}]
                """);

        Path png = runner.run(STACKED, pipeline, out, "frame", ProgressListener.NONE).outputs().get(0);

        Raster actual = ImageIO.read(png.toFile()).getRaster();
        Raster expected = ImageIO.read(REFERENCE.resolve("seestar-rgb-ngc7023.stf-unlinked.png").toFile()).getRaster();
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        long samples = 0;
        long offByMoreThanOne = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                for (int c = 0; c < 3; c++) {
                    samples++;
                    if (Math.abs(actual.getSample(x, y, c) - expected.getSample(x, y, c)) > 1) {
                        offByMoreThanOne++;
                    }
                }
            }
        }
        // SOURCES.md: within 1 level for at least 99.9 % of pixels.
        assertThat(offByMoreThanOne).isLessThanOrEqualTo(samples / 1000);
    }

    @Test
    void pixInsightTiffHoldsTheFitsValuesBitExact() throws Exception {
        PipelineResult result = runner.run(STACKED, PipelineLibrary.builtIn("export_pixinsight"),
                out, "frame", ProgressListener.NONE);

        Raster tiff = ImageIO.read(result.outputs().get(0).toFile()).getRaster();
        assertThat(tiff.getSampleModel().getSampleSize(0)).isEqualTo(16);
        try (Fits fits = new Fits(STACKED.toFile())) {
            ImageHDU hdu = (ImageHDU) fits.readHDU();
            short[][][] stored = (short[][][]) hdu.getKernel();
            int bzero = hdu.getHeader().getIntValue("BZERO");
            int height = stored[0].length;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < stored[c][y].length; x++) {
                        int fitsValue = stored[c][y][x] + bzero;
                        int tiffValue = tiff.getSample(x, height - 1 - y, c);
                        if (fitsValue != tiffValue) {
                            throw new AssertionError("channel " + c + " (" + x + ", " + y + "): TIFF " + tiffValue + ", FITS " + fitsValue);
                        }
                    }
                }
            }
        }
    }

    @Test
    void pngPresetWritesAStretchedSixteenBitPng() throws Exception {
        PipelineResult result = runner.run(STACKED, PipelineLibrary.builtIn("export_png"), out,
                "frame.export_png", ProgressListener.NONE);

        assertThat(result.outputs()).containsExactly(out.resolve("frame.export_png.png"));
        Raster png = ImageIO.read(result.outputs().get(0).toFile()).getRaster();
        assertThat(png.getSampleModel().getSampleSize(0)).isEqualTo(16);
        assertThat(png.getNumBands()).isEqualTo(3);
        Raster reference = ImageIO.read(REFERENCE.resolve("seestar-rgb-ngc7023.stf-unlinked.png").toFile()).getRaster();
        // The 16-bit levels scaled to 8 bits agree with the reference rendering at a few sample points.
        for (int[] point : new int[][] {{10, 10}, {540, 960}, {1000, 1800}, {300, 1500}}) {
            for (int c = 0; c < 3; c++) {
                double eightBit = png.getSample(point[0], point[1], c) / 65535.0 * 255;
                assertThat(eightBit).isCloseTo(reference.getSample(point[0], point[1], c), org.assertj.core.data.Offset.offset(1.0));
            }
        }
    }

    @Test
    void fitsExportCarriesTheStretchedPixelsAndNamesTheStepsInHistory() throws Exception {
        PipelineResult result = runner.run(RAW_SUB, PipelineLibrary.builtIn("export_fits"), out,
                "sub", ProgressListener.NONE);

        assertThat(result.outputs()).containsExactly(out.resolve("sub.fits"));
        Image back = FitsReader.read(result.outputs().get(0));
        assertThat(back.channels()).isEqualTo(3);
        assertThat(back.header().summary().bitpix()).isEqualTo(-32);
        assertThat(back.header().summary().object()).isEqualTo(result.input().object());
        float[] green = back.plane(1);
        double sum = 0;
        for (float value : green) {
            assertThat(value).isBetween(0f, 1f);
            sum += value;
        }
        // The STF stretch puts the background near 0.25; the raw sub's mean is far below that.
        assertThat(sum / green.length).isBetween(0.15, 0.45);
        assertThat(back.header().cards().stream().filter(card -> card.keyword().equals("HISTORY")).map(HeaderCard::comment))
                .containsSubsequence("FitsFlow pipeline export_fits", "debayer pattern=GRBG (raw mosaic)", "histogram_stretch mode=unlinked");
    }

    @Test
    void rawSubIsDebayeredAutomaticallyIntoAColourJpeg() throws Exception {
        List<String> stages = new ArrayList<>();
        PipelineResult result = runner.run(RAW_SUB, PipelineLibrary.builtIn("quick_dso"), out,
                "sub", (percent, step) -> stages.add(step));

        BufferedImage jpeg = ImageIO.read(result.outputs().get(0).toFile());
        assertThat(jpeg.getRaster().getNumBands()).isEqualTo(3);
        assertThat(jpeg.getWidth()).isEqualTo(1080);
        assertThat(jpeg.getHeight()).isEqualTo(1920);
        assertThat(stages).containsExactly("reading", "debayer", "histogram_stretch", "export_jpeg", "done");
        assertThat(result.input().bayerPattern()).isEqualTo("GRBG");
    }

    @Test
    void exportsSharingAnExtensionGetDistinctNames() throws Exception {
        PipelineDefinition pipeline = loader.parse("""
                name: two_jpegs
                steps: [{step: histogram_stretch}]
                exports: [{format: jpeg, quality: 95}, {format: jpeg, quality: 40}, {format: png}]
                """);

        PipelineResult result = runner.run(STACKED, pipeline, out, "m", ProgressListener.NONE);

        assertThat(result.outputs()).containsExactly(out.resolve("m.jpg"), out.resolve("m-2.jpg"), out.resolve("m.png"));
        assertThat(Files.size(out.resolve("m-2.jpg"))).isLessThan(Files.size(out.resolve("m.jpg")));
    }

    @Test
    void interruptBetweenExportsCancelsAndRemovesWhatWasWritten() throws Exception {
        PipelineDefinition pipeline = loader.parse("""
                name: two_outputs
                steps: [{step: histogram_stretch}]
                exports: [{format: jpeg}, {format: tiff}]
                """);
        List<String> stages = new ArrayList<>();

        assertThatThrownBy(() -> runner.run(STACKED, pipeline, out, "c", (percent, step) -> {
            stages.add(step);
            if (step.equals("export_tiff")) {
                Thread.currentThread().interrupt();
            }
        })).isInstanceOf(PipelineCancelledException.class);

        assertThat(stages).contains("export_jpeg").doesNotContain("done");
        assertThat(listing()).isEmpty();
        assertThat(out.resolve("thumbnails")).doesNotExist();
    }

    @Test
    void interruptFromAnotherThreadCancelsTheRun() throws Exception {
        PipelineDefinition pipeline = loader.parse("""
                name: cancel_me
                steps: [{step: histogram_stretch}]
                exports: [{format: jpeg}]
                """);
        java.util.concurrent.CountDownLatch stretching = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                runner.run(STACKED, pipeline, out, "c", (percent, step) -> {
                    if (step.equals("histogram_stretch")) {
                        stretching.countDown();
                        // Hold the run here until the interrupt has been delivered, so the test is deterministic.
                        awaitQuietly(interrupted);
                    }
                });
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        worker.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (!stretching.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            assertThat(outcome.get()).as("the run ended before the stretch").isNull();
            assertThat(System.nanoTime() - deadline).as("the run did not reach the stretch in a minute: %s",
                    java.util.Arrays.toString(worker.getStackTrace())).isNegative();
        }
        worker.interrupt();
        interrupted.countDown();
        worker.join(30_000);

        assertThat(outcome.get()).isInstanceOf(PipelineCancelledException.class);
        assertThat(listing()).isEmpty();
    }

    @Test
    void badInputFailsWithTheReasonAndWritesNothing() throws Exception {
        Path notFits = out.resolve("input/notes.fit");
        Files.createDirectories(notFits.getParent());
        Files.writeString(notFits, "this is not a FITS file");
        Path results = out.resolve("results");

        assertThatThrownBy(() -> runner.run(notFits, PipelineLibrary.builtIn("quick_dso"), results,
                "notes", ProgressListener.NONE)).isInstanceOf(InvalidFitsException.class).hasMessageNotContaining("Exception");
        assertThat(results).doesNotExist();
    }

    @Test
    void anUnvalidatedBadDefinitionFailsBeforeReading() {
        PipelineDefinition unchecked = PipelineDefinition.overOneFile("raw", "", List.of(new StepSpec("histogram_stretch",
                java.util.Map.of("target_background", 3))), List.of(new ExportSpec("jpeg", java.util.Map.of())));
        List<String> stages = new ArrayList<>();

        assertThatThrownBy(() -> runner.run(STACKED, unchecked, out, "x", (percent, step) -> stages.add(step)))
                .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("target_background");
        assertThat(stages).isEmpty();
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        boolean wasInterrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                wasInterrupted = true;
            }
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
    }
}
