package org.fitsflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fitsflow.processors.analysis.HotPixelFilter;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stacking.DrizzleAccumulator;
import org.fitsflow.processors.stacking.DrizzleParameters;
import org.fitsflow.processors.stacking.RigidTransform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-sub work of stacking raw subs, on one 1080 x 1920 Seestar sub on the CPU backend, in ms:
 * <ul>
 *   <li>{@code rcd}: the RCD debayer; {@code rcdInto}: the same into planes kept from sub to sub, as a stack can;
 *       {@code bilinear}: the bilinear debayer, its baseline in the same run;</li>
 *   <li>{@code hotPixels}: the hot-photosite filter run before either;</li>
 *   <li>{@code drizzle}: dropping the sub's three debayered planes, slightly rotated, onto a 2x grid
 *       (scale 2, pixfrac 0.7), the accumulator's own clearing aside.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DebayerBenchmark {
    private final CpuBackend backend = new CpuBackend();
    private float[] mosaic;
    private float[][] colour;
    private int width;
    private int height;
    private String pattern;
    private DrizzleAccumulator drizzle;

    @Setup(Level.Trial)
    public void read() throws IOException {
        Image sub = FitsReader.read(Path.of(System.getProperty("fitsflow.shared", "../shared"), "data", "seestar-subs",
                "Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit"));
        width = sub.width();
        height = sub.height();
        pattern = sub.header().summary().bayerPattern();
        mosaic = sub.plane(0);
        colour = backend.debayer(mosaic, width, height, pattern, DebayerMethod.RCD);
        drizzle = DrizzleAccumulator.forImage(DrizzleParameters.DEFAULTS, width, height, 3);
    }

    @Benchmark
    public float[][] rcd() {
        return backend.debayer(mosaic, width, height, pattern, DebayerMethod.RCD);
    }

    @Benchmark
    public float[][] rcdInto() {
        backend.debayer(mosaic, width, height, pattern, DebayerMethod.RCD, colour);
        return colour;
    }

    @Benchmark
    public float[][] bilinear() {
        return backend.debayer(mosaic, width, height, pattern, DebayerMethod.BILINEAR);
    }

    @Benchmark
    public float[] hotPixels() {
        return HotPixelFilter.corrected(mosaic, width, height);
    }

    @Benchmark
    public DrizzleAccumulator drizzle() {
        drizzle.add(colour, width, height, new RigidTransform(0.01, 3.3, -2.7), 1);
        return drizzle;
    }
}
