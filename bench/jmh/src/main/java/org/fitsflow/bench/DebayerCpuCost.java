package org.fitsflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.fitsflow.processors.analysis.HotPixelFilter;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stacking.DrizzleAccumulator;
import org.fitsflow.processors.stacking.DrizzleParameters;
import org.fitsflow.processors.stacking.RigidTransform;

/**
 * CPU time (all threads) of the work of {@link DebayerBenchmark} on one raw sub: the figure to compare when other
 * work shares the machine, as {@link CpuCost} explains.
 */
public final class DebayerCpuCost {
    private DebayerCpuCost() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DebayerCpuCost RAW-SUB.fits");
            System.exit(2);
        }
        Image sub = FitsReader.read(Path.of(args[0]));
        int width = sub.width();
        int height = sub.height();
        String pattern = sub.header().summary().bayerPattern();
        float[] mosaic = sub.plane(0);
        CpuBackend backend = new CpuBackend();
        float[][] colour = backend.debayer(mosaic, width, height, pattern, DebayerMethod.RCD);
        DrizzleAccumulator drizzle = DrizzleAccumulator.forImage(DrizzleParameters.DEFAULTS, width, height, 3);

        double rcd = CpuCost.report("RCD debayer", () -> backend.debayer(mosaic, width, height, pattern, DebayerMethod.RCD));
        float[][] kept = new float[3][mosaic.length];
        CpuCost.report("RCD debayer into kept planes",
                () -> backend.debayer(mosaic, width, height, pattern, DebayerMethod.RCD, kept));
        double bilinear = CpuCost.report("bilinear debayer",
                () -> backend.debayer(mosaic, width, height, pattern, DebayerMethod.BILINEAR));
        CpuCost.report("hot-photosite filter", () -> HotPixelFilter.corrected(mosaic, width, height));
        CpuCost.report("drizzle x2 of 3 planes", () -> drizzle.add(colour, width, height,
                new RigidTransform(0.01, 3.3, -2.7), 1));
        System.out.printf("RCD / bilinear in CPU time: %.1f%n", rcd / bilinear);
    }
}
