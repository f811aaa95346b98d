package org.fitsflow.processors.fits;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.fitsflow.processors.image.Image;

/**
 * Read times of {@link FitsReader}, warm, in milliseconds. Not a unit test: timings are measured, never asserted.
 * <pre>
 * mvn -q -o -pl processors test-compile
 * java -Xmx400m -cp processors/target/classes:processors/target/test-classes:$NOM_TAM_JAR \
 *     org.fitsflow.processors.fits.FitsReadBenchmark ../shared/data/frames/seestar-rgb-ngc7023.fit
 * </pre>
 * The second part writes a 6248 x 4176 x 3 float32 frame (313 MB) and reads it; with -Xmx400m it only fits
 * because the reader holds the planes plus one chunk.
 */
public final class FitsReadBenchmark {
    private static final java.lang.management.OperatingSystemMXBean SYSTEM =
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        Path seestar = Path.of(args.length > 0 ? args[0] : "../shared/data/frames/seestar-rgb-ngc7023.fit");
        System.out.printf(Locale.ROOT, "cores: %d, max heap: %d MB, load average: %.1f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                SYSTEM.getSystemLoadAverage());
        report(String.format(Locale.ROOT, "%s (%d MB)", seestar.getFileName(), Files.size(seestar) >> 20), seestar, 50, 200);

        Path big = Files.createTempFile("fitsflow-bench-", ".fit");
        try {
            writeFloatFrame(big, 6248, 4176, 3);
            report("6248 x 4176 x 3 float32 (313 MB)", big, 2, 8);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private static void report(String label, Path file, int warmup, int runs) throws IOException {
        for (int i = 0; i < warmup; i++) {
            FitsReader.read(file);
        }
        double[] ms = new double[runs];
        double[] cpuMs = new double[runs];
        float checksum = 0;
        Image image = null;
        for (int i = 0; i < runs; i++) {
            image = null; // let the previous frame go before reading the next: the heap is sized for one
            long cpuStart = threadCpuNanos();
            long start = System.nanoTime();
            image = FitsReader.read(file);
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpuMs[i] = (threadCpuNanos() - cpuStart) / 1e6;
            checksum += image.plane(image.channels() - 1)[image.pixelCount() / 2];
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        System.out.printf(Locale.ROOT,
                "%-48s wall min %7.2f  median %7.2f  max %7.2f ms | cpu median %7.2f ms | %d runs, checksum %.4f%n",
                label, ms[0], ms[runs / 2], ms[runs - 1], cpuMs[runs / 2], runs, checksum);
    }

    /**
     * CPU time of all live threads (the caller and the pool that converts): the work per read, which a busy
     * machine distorts less than wall time. GC threads are not included.
     */
    private static long threadCpuNanos() {
        long total = 0;
        for (long id : THREADS.getAllThreadIds()) {
            total += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return total;
    }

    /** A float frame in [0, 1], written row by row so that the benchmark itself needs no big buffer. */
    private static void writeFloatFrame(Path file, int width, int height, int planes) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder();
            for (String card : new String[] {TestFits.cardImage("SIMPLE", true), TestFits.cardImage("BITPIX", -32),
                    TestFits.cardImage("NAXIS", 3), TestFits.cardImage("NAXIS1", width), TestFits.cardImage("NAXIS2", height),
                    TestFits.cardImage("NAXIS3", planes), String.format("%-80s", "END")}) {
                header.append(card);
            }
            while (header.length() % 2880 != 0) {
                header.append(' ');
            }
            out.write(header.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(width * 4);
            for (int p = 0; p < planes; p++) {
                for (int y = 0; y < height; y++) {
                    row.clear();
                    for (int x = 0; x < width; x++) {
                        row.putFloat(((x * 7 + y * 13 + p) % 1000) / 1000f);
                    }
                    out.write(row.array());
                }
            }
            long data = (long) width * height * planes * 4;
            out.write(new byte[(int) ((2880 - data % 2880) % 2880)]);
        }
    }
}
