package org.fitsflow.processors.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.io.FolderTree;
import org.fitsflow.processors.testdata.SirilCli;

/**
 * One raw sub debayered three ways (FitsFlow's RCD, Siril's RCD through siril-cli, FitsFlow's bilinear) and the
 * FWHM of the same stars on each plane: connected sources at 8 sigma on the bilinear green plane, measured by
 * adaptive moments wherever all three converge. {@link #main} prints the table ({@code bench/debayer-bench.sh}).
 */
final class DebayerStarWidths {
    static final String[] PLANES = {"red", "green", "blue", "mean of the three"};

    /** Median FWHM (pixels) of one plane's stars, the median per-star ratio FitsFlow / Siril, and the star count. */
    record Widths(String plane, double fitsflow, double siril, double bilinear, double ratioToSiril, int stars) {
    }

    final Image sub;
    final float[][] fitsflow;
    final float[][] bilinear;
    final float[][] siril;

    private DebayerStarWidths(Image sub, float[][] fitsflow, float[][] bilinear, float[][] siril) {
        this.sub = sub;
        this.fitsflow = fitsflow;
        this.bilinear = bilinear;
        this.siril = siril;
    }

    static DebayerStarWidths debayer(Path file, Path work) throws IOException, InterruptedException {
        Image sub = FitsReader.read(file);
        CpuBackend cpu = new CpuBackend();
        String pattern = sub.header().summary().bayerPattern();
        return new DebayerStarWidths(sub,
                cpu.debayer(sub.plane(0), sub.width(), sub.height(), pattern, DebayerMethod.RCD),
                cpu.debayer(sub.plane(0), sub.width(), sub.height(), pattern, DebayerMethod.BILINEAR),
                FitsReader.read(SirilCli.debayer(file, work)).planes());
    }

    List<int[]> stars() {
        return IndependentStarMeasures.connectedSources(bilinear[1], sub.plane(0), sub.width(), sub.height(), 8);
    }

    List<Widths> widths() {
        int w = sub.width();
        int h = sub.height();
        List<int[]> stars = stars();
        List<Widths> rows = new ArrayList<>();
        for (int p = 0; p < PLANES.length; p++) {
            float[] ours = plane(fitsflow, p);
            float[] theirs = plane(siril, p);
            float[] plain = plane(bilinear, p);
            List<double[]> measured = new ArrayList<>();
            for (int[] s : stars) {
                double[] fwhm = {
                    IndependentStarMeasures.adaptiveMomentFwhm(ours, w, h, s[0], s[1]),
                    IndependentStarMeasures.adaptiveMomentFwhm(theirs, w, h, s[0], s[1]),
                    IndependentStarMeasures.adaptiveMomentFwhm(plain, w, h, s[0], s[1])};
                if (Double.isFinite(fwhm[0]) && Double.isFinite(fwhm[1]) && Double.isFinite(fwhm[2])) {
                    measured.add(fwhm);
                }
            }
            rows.add(new Widths(PLANES[p], median(measured, 0), median(measured, 1), median(measured, 2),
                    IndependentStarMeasures.median(measured.stream().mapToDouble(f -> f[0] / f[1]).toArray()),
                    measured.size()));
        }
        return rows;
    }

    private static float[] plane(float[][] rgb, int p) {
        if (p < 3) {
            return rgb[p];
        }
        float[] mean = new float[rgb[0].length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (rgb[0][i] + rgb[1][i] + rgb[2][i]) / 3;
        }
        return mean;
    }

    private static double median(List<double[]> rows, int column) {
        return IndependentStarMeasures.median(rows.stream().mapToDouble(r -> r[column]).toArray());
    }

    /** Prints the widths for each sub given (default: the first NGC 7023 10 s sub). */
    public static void main(String[] args) throws Exception {
        List<Path> files = args.length == 0 ? List.of(SeestarSubs.ngc7023TenSeconds().get(0))
                : Arrays.stream(args).map(Path::of).toList();
        for (Path file : files) {
            Path work = Files.createTempDirectory("fitsflow-widths");
            try {
                System.out.println(file.getFileName() + ": median FWHM in pixels, FitsFlow RCD / Siril RCD / bilinear");
                for (Widths row : debayer(file, work).widths()) {
                    System.out.printf(Locale.ROOT, "  %-18s %.3f / %.3f / %.3f   per-star ratio to Siril %.4f   %d stars%n",
                            row.plane(), row.fitsflow(), row.siril(), row.bilinear(), row.ratioToSiril(), row.stars());
                }
            } finally {
                FolderTree.delete(work);
            }
        }
    }
}
