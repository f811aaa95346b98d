package org.fitsflow.processors.subs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A sensor signature planted on copies of the real Seestar raw subs (1080 x 1920, 16-bit, BZERO 32768), and the
 * bias, dark and flat frames that carry it, each written with the first sub's header (10 s, gain 80, 25.125 C),
 * in ADU:
 * <ul>
 * <li>bias: {@link #BIAS} everywhere;</li>
 * <li>dark: the bias, plus amp glow of {@link #GLOW} falling off from the bottom-right corner over 250 pixels, plus
 * {@link #WARM_COUNT} warm photosites of {@link #WARM} (under the 5 sigma at which a sub's own hot-photosite filter
 * acts: the sky noise of a sub is about 90) and {@link #HOT_COUNT} hot ones of {@link #HOT};</li>
 * <li>vignetting: 1 at the centre falling as the square of the radius to {@code 1 - }{@link #VIGNETTING} in the
 * corners; a flat is the bias plus 20000 times it;</li>
 * <li>a planted light: the real sub times the vignetting plus the dark;</li>
 * <li>each bias, dark and flat frame has its own Gaussian noise of 15 ADU (flats: 60).</li>
 * </ul>
 */
final class PlantedSensor {
    static final int WIDTH = 1080;
    static final int HEIGHT = 1920;
    static final double BIAS = 200;
    static final double GLOW = 300;
    static final double WARM = 250;
    static final double HOT = 3000;
    static final int WARM_COUNT = 3000;
    static final int HOT_COUNT = 100;
    static final double VIGNETTING = 0.4;
    private static final double FLAT_LEVEL = 20000;

    private final double[] dark = new double[WIDTH * HEIGHT];
    private final double[] vignette = new double[WIDTH * HEIGHT];
    private final int[] warm = new int[WARM_COUNT];
    private final Random noise = new Random(11);

    PlantedSensor() {
        double cx = (WIDTH - 1) / 2.0;
        double cy = (HEIGHT - 1) / 2.0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                vignette[i] = 1 - VIGNETTING * ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (cx * cx + cy * cy);
                dark[i] = BIAS + GLOW * Math.exp(-Math.hypot(WIDTH - 1 - x, HEIGHT - 1 - y) / 250);
            }
        }
        Random sites = new Random(2026);
        for (int k = 0; k < WARM_COUNT + HOT_COUNT; k++) {
            // away from the edges, which registration and cropping cut
            int i = (64 + sites.nextInt(HEIGHT - 128)) * WIDTH + 64 + sites.nextInt(WIDTH - 128);
            dark[i] += k < HOT_COUNT ? HOT : WARM;
            if (k >= HOT_COUNT) {
                warm[k - HOT_COUNT] = i;
            }
        }
    }

    /** The warm photosites, as indices {@code y * WIDTH + x} of the mosaic. */
    int[] warmSites() {
        return warm.clone();
    }

    /** The vignetting at a photosite: 1 at the centre. */
    double vignette(int x, int y) {
        return vignette[y * WIDTH + x];
    }

    /** Writes each sub with the signature planted into {@code folder}, under its own name. */
    List<Path> plantLights(List<Path> subs, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Path sub : subs) {
            byte[] bytes = Files.readAllBytes(sub);
            int offset = headerLength(bytes);
            ByteBuffer data = ByteBuffer.wrap(bytes, offset, WIDTH * HEIGHT * 2);
            double[] values = new double[WIDTH * HEIGHT];
            for (int i = 0; i < values.length; i++) {
                values[i] = (data.getShort() + 32768) * vignette[i] + dark[i];
            }
            write(bytes, offset, values, folder.resolve(sub.getFileName()));
        }
        return subs.stream().map(s -> folder.resolve(s.getFileName())).toList();
    }

    /** Writes {@code count} bias, dark and flat frames each into {@code biases/}, {@code darks/}, {@code flats/}. */
    void writeCalibrationFrames(Path header, Path folder, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(header);
        int offset = headerLength(bytes);
        for (int n = 0; n < count; n++) {
            double[] bias = new double[WIDTH * HEIGHT];
            double[] darkFrame = new double[WIDTH * HEIGHT];
            double[] flat = new double[WIDTH * HEIGHT];
            for (int i = 0; i < bias.length; i++) {
                bias[i] = BIAS + 15 * noise.nextGaussian();
                darkFrame[i] = dark[i] + 15 * noise.nextGaussian();
                flat[i] = BIAS + FLAT_LEVEL * vignette[i] + 60 * noise.nextGaussian();
            }
            String name = String.format("_%02d.fit", n);
            write(bytes, offset, bias, Files.createDirectories(folder.resolve("biases")).resolve("bias" + name));
            write(bytes, offset, darkFrame, Files.createDirectories(folder.resolve("darks")).resolve("dark" + name));
            write(bytes, offset, flat, Files.createDirectories(folder.resolve("flats")).resolve("flat" + name));
        }
    }

    /** Rewrites a frame's header card {@code CCD-TEMP} (the value padded to the same 20 columns). */
    static void setTemperature(Path frame, double celsius) throws IOException {
        byte[] bytes = Files.readAllBytes(frame);
        String header = new String(bytes, 0, headerLength(bytes), StandardCharsets.US_ASCII);
        int card = header.indexOf("CCD-TEMP=");
        byte[] value = String.format("%20.3f", celsius).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(value, 0, bytes, card + 10, 20);
        Files.write(frame, bytes);
    }

    private static void write(byte[] template, int offset, double[] values, Path file) throws IOException {
        byte[] out = template.clone();
        ByteBuffer data = ByteBuffer.wrap(out, offset, WIDTH * HEIGHT * 2);
        for (double v : values) {
            data.putShort((short) (Math.max(0, Math.min(65535, Math.round(v))) - 32768));
        }
        Files.write(file, out);
    }

    private static int headerLength(byte[] bytes) {
        for (int card = 0; card * 80 < bytes.length; card++) {
            if (new String(bytes, card * 80, 8, StandardCharsets.US_ASCII).equals("END     ")) {
                return (card * 80 / 2880 + 1) * 2880;
            }
        }
        throw new IllegalArgumentException("no END card");
    }
}
