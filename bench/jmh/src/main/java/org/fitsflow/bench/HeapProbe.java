package org.fitsflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineRunner;
import org.fitsflow.processors.pipeline.ProgressListener;

/**
 * Runs quick_dso once on a file under the JVM's -Xmx and prints the peak heap it used: the sum of the
 * heap pools' peak usage (an upper bound, the pools peak at different moments). Exit code 0 when it
 * ran, 3 when the heap was too small, so that a script can find the smallest -Xmx that works.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: HeapProbe IN.fits");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path out = Files.createTempDirectory("fitsflow-heap");
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            var pipeline = PipelineLibrary.builtIn("quick_dso");
            Path jpeg = new PipelineRunner(new CpuBackend()).run(input, pipeline, out, "probe", ProgressListener.NONE)
                    .outputs().get(0);
            Files.delete(jpeg);
            Files.delete(out);
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory with -Xmx " + mb(Runtime.getRuntime().maxMemory()) + " MB");
            System.exit(3);
        } catch (IOException e) {
            // The reader turns an allocation failure into a readable reason; treat it as too small a heap too.
            System.out.println("failed with -Xmx " + mb(Runtime.getRuntime().maxMemory()) + " MB: " + e.getMessage());
            System.exit(3);
        }
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.println("ok with -Xmx " + mb(Runtime.getRuntime().maxMemory()) + " MB, peak heap " + mb(peak) + " MB");
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
