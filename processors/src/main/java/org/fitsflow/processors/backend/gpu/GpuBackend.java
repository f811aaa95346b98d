package org.fitsflow.processors.backend.gpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jcuda.Sizeof;
import org.fitsflow.processors.backend.ChannelStretch;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.backend.StretchRule;
import org.fitsflow.processors.stats.CfaPattern;
import org.fitsflow.processors.stats.ChannelStatistics;

/**
 * The compute backend on a CUDA GPU, through JCuda's driver API. Each operation uploads its planes
 * (through {@link PinnedStaging}), runs the kernels of {@code fitsflow_kernels.cu} and frees its device
 * memory before returning; the operations are serialised because they share one context (and the
 * staging memory). Results match the CPU backend within the tolerances of the conformance test.
 */
public final class GpuBackend implements ComputeBackend {
    private static final int THREADS = 256;
    private static final int TILE = 16;
    private static final long BINS_BYTES = 4096L * Sizeof.INT;

    private final CudaDevice device;
    private final KernelModule kernels;
    private final PinnedStaging staging = new PinnedStaging();

    private GpuBackend(CudaDevice device, KernelModule kernels) {
        this.device = device;
        this.kernels = kernels;
    }

    /**
     * Opens the first CUDA device and loads the kernels. Every failure, including a missing native library
     * (UnsatisfiedLinkError when there is no libcuda), becomes a GpuUnavailableException with the reason.
     */
    public static GpuBackend open() throws GpuUnavailableException {
        try {
            CudaDevice device = CudaDevice.first();
            return new GpuBackend(device, KernelModule.load(device));
        } catch (GpuUnavailableException e) {
            throw e;
        } catch (Throwable e) {
            throw new GpuUnavailableException(Failures.describe(e), e);
        }
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public boolean isGpu() {
        return true;
    }

    /** The device and how its kernels were built, e.g. for the start-up log. */
    public String description() {
        return device.describe() + ", kernels from " + kernels.origin();
    }

    @Override
    public synchronized ChannelStatistics statistics(float[] plane) {
        device.makeCurrent();
        try (DeviceBuffer data = staging.upload(plane);
             DeviceBuffer bins = DeviceBuffer.allocate(BINS_BYTES)) {
            return statistics(data, plane.length, bins);
        }
    }

    private ChannelStatistics statistics(DeviceBuffer data, long n, DeviceBuffer bins) {
        RadixSelection values = new RadixSelection(
                (prefix, prefixShift, binShift, binCount) -> histogram(data, n, false, 0.0, bins, prefix, prefixShift, binShift, binCount));
        long count = values.count();
        if (count == 0) {
            return new ChannelStatistics(Double.NaN, Double.NaN, 0);
        }
        double median = median(values, count);
        RadixSelection deviations = new RadixSelection(
                (prefix, prefixShift, binShift, binCount) -> histogram(data, n, true, median, bins, prefix, prefixShift, binShift, binCount));
        return new ChannelStatistics(median, median(deviations, count), count);
    }

    /**
     * All planes are uploaded, measured and stretched on the device before any comes back, so that each
     * crosses the bus once each way; the device holds the whole image meanwhile (313 MB for 6248 x 4176 x 3).
     */
    @Override
    public synchronized List<ChannelStretch> statisticsThenStretch(float[][] planes, StretchRule rule) {
        device.makeCurrent();
        DeviceBuffer[] resident = new DeviceBuffer[planes.length];
        try (DeviceBuffer bins = DeviceBuffer.allocate(BINS_BYTES)) {
            List<ChannelStatistics> statistics = new ArrayList<>(planes.length);
            for (int c = 0; c < planes.length; c++) {
                resident[c] = staging.upload(planes[c]);
                statistics.add(statistics(resident[c], planes[c].length, bins));
            }
            List<ChannelStretch> stretches = rule.stretchesFor(statistics);
            stretches.forEach(stretch -> checkStretch(stretch.c0(), stretch.m()));
            for (int c = 0; c < planes.length; c++) {
                ChannelStretch stretch = stretches.get(c);
                if (stretch.c0() >= 1) {
                    Arrays.fill(planes[c], 0f);
                } else {
                    stretchOnDevice(resident[c], planes[c].length, stretch.c0(), stretch.m());
                    staging.download(resident[c], planes[c]);
                }
            }
            return stretches;
        } finally {
            for (DeviceBuffer buffer : resident) {
                if (buffer != null) {
                    buffer.close();
                }
            }
        }
    }

    // The mean of the two middle values for an even count, as numpy and OrderStatistics do. The deviations
    // are counted as floats (OrderStatistics keeps them in double), hence the MAD tolerance of the conformance test.
    private static double median(RadixSelection selection, long count) {
        if (count % 2 == 1) {
            return selection.select(count / 2);
        }
        return ((double) selection.select(count / 2 - 1) + selection.select(count / 2)) / 2.0;
    }

    private long[] histogram(DeviceBuffer data, long n, boolean deviations, double center, DeviceBuffer bins,
                             int prefix, int prefixShift, int binShift, int binCount) {
        bins.zero();
        kernels.launch("histogramKeys", blocksFor(n), 1, THREADS, 1, binCount * Sizeof.INT,
                data, n, deviations ? 1 : 0, center, prefix, prefixShift, binShift, binCount, bins);
        int[] counts = new int[binCount];
        bins.downloadTo(counts);
        long[] result = new long[binCount];
        for (int i = 0; i < binCount; i++) {
            result[i] = Integer.toUnsignedLong(counts[i]);
        }
        return result;
    }

    @Override
    public synchronized void stretch(float[] plane, double c0, double m) {
        checkStretch(c0, m);
        if (c0 >= 1) {
            Arrays.fill(plane, 0f);
            return;
        }
        device.makeCurrent();
        try (DeviceBuffer data = staging.upload(plane)) {
            stretchOnDevice(data, plane.length, c0, m);
            staging.download(data, plane);
        }
    }

    private void stretchOnDevice(DeviceBuffer data, long n, double c0, double m) {
        kernels.launch("stretchInPlace", blocksFor(n), 1, THREADS, 1, 0, data, n, c0, 1 / (1 - c0), m);
    }

    @Override
    public synchronized byte[] stretchTo8Bit(float[] plane, double c0, double m) {
        checkStretch(c0, m);
        byte[] out = new byte[plane.length];
        if (c0 >= 1) {
            return out;
        }
        device.makeCurrent();
        try (DeviceBuffer data = staging.upload(plane);
             DeviceBuffer quantised = DeviceBuffer.allocate(plane.length)) {
            kernels.launch("stretchTo8Bit", blocksFor(plane.length), 1, THREADS, 1, 0,
                    data, quantised, (long) plane.length, c0, 1 / (1 - c0), m);
            staging.download(quantised, out);
        }
        return out;
    }

    @Override
    public synchronized short[] stretchTo16Bit(float[] plane, double c0, double m) {
        checkStretch(c0, m);
        short[] out = new short[plane.length];
        if (c0 >= 1) {
            return out;
        }
        device.makeCurrent();
        try (DeviceBuffer data = staging.upload(plane);
             DeviceBuffer quantised = DeviceBuffer.allocate((long) plane.length * Sizeof.SHORT)) {
            kernels.launch("stretchTo16Bit", blocksFor(plane.length), 1, THREADS, 1, 0,
                    data, quantised, (long) plane.length, c0, 1 / (1 - c0), m);
            staging.download(quantised, out);
        }
        return out;
    }

    // The CPU backend's rules: with c0 >= 1 no sample lies above the shadows clip and all become 0.
    private static void checkStretch(double c0, double m) {
        if (Double.isNaN(c0)) {
            throw new IllegalArgumentException("shadows clip c0 must be a number");
        }
        if (!(m >= 0 && m <= 1)) {
            throw new IllegalArgumentException("midtones balance m must be in [0, 1], got " + m);
        }
    }

    @Override
    public synchronized float[][] debayer(float[] mosaic, int width, int height, String pattern) {
        CfaPattern cfa = CfaPattern.parse(pattern);
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("a Bayer mosaic needs at least 2 x 2 pixels, got " + width + " x " + height);
        }
        if (mosaic.length != (long) width * height) {
            throw new IllegalArgumentException("mosaic length " + mosaic.length + " does not match " + width + " x " + height);
        }
        device.makeCurrent();
        long bytes = (long) mosaic.length * Sizeof.FLOAT;
        float[][] rgb = new float[3][mosaic.length];
        try (DeviceBuffer data = staging.upload(mosaic);
             DeviceBuffer red = DeviceBuffer.allocate(bytes);
             DeviceBuffer green = DeviceBuffer.allocate(bytes);
             DeviceBuffer blue = DeviceBuffer.allocate(bytes)) {
            kernels.launch("debayerBilinear", tiles(width), tiles(height), TILE, TILE, 0,
                    data, width, height, cfa.colourAt(0, 0), cfa.colourAt(0, 1), cfa.colourAt(1, 0), cfa.colourAt(1, 1), red, green, blue);
            staging.download(red, rgb[0]);
            staging.download(green, rgb[1]);
            staging.download(blue, rgb[2]);
        }
        return rgb;
    }

    @Override
    public synchronized float[] convolveSeparable(float[] plane, int width, int height, float[] weights) {
        if (weights.length % 2 == 0) {
            throw new IllegalArgumentException("a separable kernel needs an odd number of weights, got " + weights.length);
        }
        if (plane.length != (long) width * height) {
            throw new IllegalArgumentException("plane length " + plane.length + " does not match " + width + " x " + height);
        }
        device.makeCurrent();
        float[] out = new float[plane.length];
        try (DeviceBuffer data = staging.upload(plane);
             DeviceBuffer rows = DeviceBuffer.allocate((long) plane.length * Sizeof.FLOAT);
             DeviceBuffer taps = DeviceBuffer.upload(weights)) {
            kernels.launch("convolveAxis", tiles(width), tiles(height), TILE, TILE, 0, data, rows, width, height, taps, weights.length, 1);
            kernels.launch("convolveAxis", tiles(width), tiles(height), TILE, TILE, 0, rows, data, width, height, taps, weights.length, 0);
            staging.download(data, out);
        }
        return out;
    }

    // Enough blocks to fill the device a few times over; the kernels loop over the rest (grid stride).
    private int blocksFor(long n) {
        long needed = (n + THREADS - 1) / THREADS;
        return (int) Math.max(1, Math.min(needed, device.multiprocessors() * 8L));
    }

    private static int tiles(int pixels) {
        return (pixels + TILE - 1) / TILE;
    }
}
