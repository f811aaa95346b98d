package org.fitsflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.fitsflow.processors.analysis.HotPixelFilter;
import org.fitsflow.processors.analysis.StarDetectionParameters;
import org.fitsflow.processors.analysis.StarDetector;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.stacking.Interpolation;
import org.fitsflow.processors.stacking.Resampler;
import org.fitsflow.processors.stacking.RigidTransform;
import org.fitsflow.processors.stacking.rejection.PixelRejection;
import org.fitsflow.processors.stacking.rejection.PixelStack;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;
import org.fitsflow.processors.stacking.rejection.SortingNetwork;

/**
 * CPU time (all threads) of each stage of stacking one raw sub, as {@code stack_subs} runs them: the read, the
 * hot-photosite filter, the green plane and star detection of the first read, the full debayer and the bicubic
 * resampling of three planes of the second, and the rejection of one frame's share of a 32-frame combine
 * (winsorized, the default, on synthetic stacks of 32 noisy values per pixel, sorted by the sorting network as
 * the combine sorts them). The per-sub figures to compare
 * when other work shares the machine, as {@link CpuCost} explains.
 */
public final class StackStagesCpuCost {
    private static final int FRAMES = 32;
    private static final int CHUNK = 256;

    private StackStagesCpuCost() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StackStagesCpuCost RAW-SUB.fits");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Image sub = FitsReader.read(file);
        int width = sub.width();
        int height = sub.height();
        String pattern = sub.header().summary().bayerPattern();
        float[] mosaic = sub.plane(0);
        CpuBackend backend = new CpuBackend();
        StarDetector detector = new StarDetector(StarDetectionParameters.DEFAULTS);
        float[] green = backend.debayerGreen(mosaic, width, height, pattern);
        float[][] planes = backend.debayer(mosaic, width, height, pattern);
        RigidTransform transform = new RigidTransform(0.004, 3.3, -2.7);
        float[][] band = new float[3][64 * width];

        double total = 0;
        total += CpuCost.report("read", () -> FitsReader.read(file));
        total += CpuCost.report("hot-photosite filter", () -> HotPixelFilter.corrected(mosaic, width, height));
        total += CpuCost.report("green plane", () -> backend.debayerGreen(mosaic, width, height, pattern));
        total += CpuCost.report("star detection and fits", () -> detector.detect(green, width, height, backend));
        total += CpuCost.report("debayer (3 planes)", () -> backend.debayer(mosaic, width, height, pattern));
        total += CpuCost.report("bicubic resampling (3 planes)", () -> {
            for (int y0 = 0; y0 < height; y0 += 64) {
                Resampler.resampleRows(planes, width, height, transform, Interpolation.BICUBIC, y0,
                        Math.min(64, height - y0), band, 0);
            }
        });
        float[] values = new float[FRAMES * width * 64];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (0.1 + 0.01 * random.nextGaussian() + (random.nextInt(100) == 0 ? 0.2 : 0));
        }
        PixelStack stack = new PixelStack(FRAMES);
        PixelRejection rejection = PixelRejection.of(RejectionParameters.DEFAULTS, FRAMES);
        SortingNetwork network = new SortingNetwork(FRAMES);
        float[][] lanes = new float[FRAMES][CHUNK];
        float[] column = new float[FRAMES];
        int pixels = values.length / FRAMES;
        // as BandCombiner: the stacks of a chunk of pixels sorted together, then each rejected
        double combine = CpuCost.report("winsorized: 64 rows x 32 frames", () -> {
            for (int p0 = 0; p0 < pixels; p0 += CHUNK) {
                int count = Math.min(CHUNK, pixels - p0);
                for (int f = 0; f < FRAMES; f++) {
                    for (int k = 0; k < count; k++) {
                        lanes[f][k] = values[(p0 + k) * FRAMES + f];
                    }
                }
                network.sort(lanes, count);
                for (int k = 0; k < count; k++) {
                    stack.clear();
                    for (int f = 0; f < FRAMES; f++) {
                        stack.add(values[(p0 + k) * FRAMES + f], f);
                        column[f] = lanes[f][k];
                    }
                    stack.setSorted(column);
                    rejection.reject(stack);
                }
            }
        });
        // one frame's share of a combine of three planes of the whole sub
        double perSub = combine * 3 * height / 64 / FRAMES;
        System.out.printf("%-36s CPU %8.1f ms/frame%n", "winsorized, per sub's share", perSub);
        System.out.printf("%-36s CPU %8.1f ms/frame%n", "total", total + perSub);
    }
}
