package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.FitsWriter;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.Image;

/**
 * A real raw sub as a night with the field turned would give it: debayered, turned about the frame centre,
 * mosaicked again in GRBG order, its empty corners filled with the sub's sky and noise, as a wider sensor would
 * see them.
 */
public final class TurnedSub {
    private TurnedSub() {
    }

    /**
     * Writes {@code sub} turned by {@code degrees} about its centre (bilinear debayer and resampling), mosaicked again,
     * {@code brighterSky} added to every photosite, as a float FITS with the sub's header.
     */
    public static Path write(Path sub, Path target, double degrees, float brighterSky) throws IOException {
        CpuBackend cpu = new CpuBackend();
        Image image = FitsReader.read(sub);
        int w = image.width();
        int h = image.height();
        float[][] rgb = cpu.debayer(image.plane(0), w, h, "GRBG");
        double a = Math.toRadians(degrees);
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        // Output pixel p takes the source at R(a)(p - c) + c: the field appears turned by -a.
        RigidTransform turn = new RigidTransform(a, cx - (Math.cos(a) * cx - Math.sin(a) * cy),
                cy - (Math.sin(a) * cx + Math.cos(a) * cy));
        float[][] turned = new float[3][];
        for (int c = 0; c < 3; c++) {
            turned[c] = Resampler.resample(rgb[c], w, h, turn, Interpolation.BILINEAR);
        }
        float[] sky = {skyOf(rgb[0]), skyOf(rgb[1]), skyOf(rgb[2])};
        float noise = noiseOf(image.plane(0), w, h);
        Random random = new Random(70);
        float[] mosaic = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int colour = y % 2 == 0 ? (x % 2 == 0 ? 1 : 0) : (x % 2 == 0 ? 2 : 1);
                float v = turned[colour][y * w + x];
                // The corners the turned frame leaves empty take the sub's sky and noise, as a wider sensor would see them.
                mosaic[y * w + x] = (Float.isNaN(v) ? sky[colour] + noise * (float) random.nextGaussian() : v) + brighterSky;
            }
        }
        List<HeaderCard> cards = new ArrayList<>(image.header().cards());
        FitsWriter.writeFloat32(new Image(w, h, new float[][] {mosaic}, new FitsHeader(cards, image.header().summary())),
                target, List.of());
        return target;
    }

    /** 1.4826 MAD over sqrt 2 of the differences between green photosites two apart along every eighth row. */
    private static float noiseOf(float[] mosaic, int width, int height) {
        List<Float> differences = new ArrayList<>();
        for (int y = 0; y < height; y += 8) {
            for (int x = 0; x + 2 < width; x += 2) {
                differences.add(mosaic[y * width + x + 2] - mosaic[y * width + x]);
            }
        }
        float[] d = new float[differences.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = differences.get(i);
        }
        Arrays.sort(d);
        float median = d[d.length / 2];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i] - median);
        }
        Arrays.sort(d);
        return (float) (1.4826 * d[d.length / 2] / Math.sqrt(2));
    }

    private static float skyOf(float[] plane) {
        float[] sample = new float[plane.length / 97];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = plane[i * 97];
        }
        Arrays.sort(sample);
        return sample[sample.length / 2];
    }
}
