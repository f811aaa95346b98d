package org.fitsflow.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.export.JpegExporter;
import org.fitsflow.processors.export.JpegParameters;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.FolderTree;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.PipelineRunner;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.processors.steps.StepContext;
import org.fitsflow.processors.steps.StfStretch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The quick_dso preset (STF auto-stretch + JPEG quality 95) on the CPU backend, per frame:
 * <ul>
 *   <li>{@code pipeline}: read + stretch + JPEG through {@link PipelineRunner}, as a job runs it;</li>
 *   <li>{@code stretchJpeg}: stretch + JPEG of a frame already in memory;</li>
 *   <li>{@code baselineRead}: {@link FitsReader#read} alone;</li>
 *   <li>{@code baselineJpeg}: plain ImageIO JPEG (quality 0.95) of the same 8-bit picture, already built.</li>
 * </ul>
 * stretchJpeg / baselineJpeg is what the stretch and the raster building cost on top of the encoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class QuickDsoBenchmark {
    /** {@code seestar}: the 1080 x 1920 x 3 16-bit Seestar frame; {@code large}: a generated 6248 x 4176 x 3 float32 frame. */
    @Param({"seestar", "large"})
    public String frame;

    private Path work;
    private Path input;
    private PipelineDefinition quickDso;
    private final CpuBackend backend = new CpuBackend();
    private final PipelineRunner runner = new PipelineRunner(backend);
    private final StfStretch stretch = new StfStretch();
    private final JpegExporter jpeg = new JpegExporter(JpegParameters.defaults());
    private Image asRead;
    private BufferedImage eightBit;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        work = Files.createTempDirectory("fitsflow-bench");
        input = frame.equals("large") ? work.resolve("large.fits") : seestarFrame();
        if (frame.equals("large")) {
            LargeFrame.write(input);
        }
        quickDso = new PipelineLoader().parse("""
                name: quick_dso
                steps: [{step: histogram_stretch, mode: unlinked}]
                exports: [{format: jpeg, quality: 95}]
                """);
        asRead = FitsReader.read(input);
        Path reference = runner.run(input, quickDso, work, "reference", ProgressListener.NONE).outputs().get(0);
        eightBit = PlainJpeg.asRgb(ImageIO.read(reference.toFile()));
    }

    /** The stretch works in place, so every stretchJpeg invocation starts from a fresh copy of the frame as read. */
    @State(Scope.Thread)
    public static class WorkingCopy {
        Image image;

        @Setup(Level.Invocation)
        public void restore(QuickDsoBenchmark frame) {
            if (image == null) {
                float[][] planes = new float[frame.asRead.channels()][];
                for (int c = 0; c < planes.length; c++) {
                    planes[c] = new float[frame.asRead.pixelCount()];
                }
                image = frame.asRead.withPlanes(frame.asRead.width(), frame.asRead.height(), planes);
            }
            for (int c = 0; c < image.channels(); c++) {
                System.arraycopy(frame.asRead.plane(c), 0, image.plane(c), 0, image.pixelCount());
            }
        }
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        FolderTree.delete(work);
    }

    @Benchmark
    public PipelineResult pipeline() throws IOException {
        return runner.run(input, quickDso, work, "pipeline", ProgressListener.NONE);
    }

    @Benchmark
    public Path stretchJpeg(WorkingCopy copy) throws IOException {
        Image stretched = stretch.apply(copy.image, new StepContext(backend));
        Path target = work.resolve("stretch.jpg");
        jpeg.write(stretched, target, List.of());
        return target;
    }

    @Benchmark
    public Image baselineRead() throws IOException {
        return FitsReader.read(input);
    }

    @Benchmark
    public Path baselineJpeg() throws IOException {
        return PlainJpeg.write(eightBit, work.resolve("baseline.jpg"));
    }

    static Path seestarFrame() {
        return Path.of(System.getProperty("fitsflow.shared", "../shared"), "data", "frames", "seestar-rgb-ngc7023.fit");
    }

}
