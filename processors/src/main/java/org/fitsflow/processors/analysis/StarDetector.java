package org.fitsflow.processors.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.backend.GaussianKernel;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.stats.OrderStatistics;

/**
 * Finds and measures stars on one plane: background mesh, threshold in noise sigmas on the lightly smoothed,
 * background-subtracted plane, local maxima, rejection of edge and saturated candidates, then an elliptical
 * Gaussian fit per star (centre, FWHM along both axes, roundness) on the unsmoothed pixels. Fits narrower than
 * {@code minFwhm} or than {@code sharpnessLimit} x the median FWHM of the frame's brighter stars (hot pixels,
 * cosmic rays: uncalibrated subs from a warm sensor have many) or wider than {@code maxFwhm} are dropped.
 */
public final class StarDetector {
    private static final int PEAK_RADIUS = 2;
    private static final double INITIAL_SIGMA = 1.2;
    private static final double MAX_CENTRE_SHIFT = 2.0;
    private static final double MIN_SEPARATION = 1.5;
    private static final int NOISE_SAMPLE_STRIDE = 7;

    private final StarDetectionParameters parameters;

    public StarDetector(StarDetectionParameters parameters) {
        this.parameters = parameters;
    }

    /** The backend runs the smoothing convolution, the one pass over the whole plane that a GPU speeds up. */
    public StarField detect(float[] plane, int width, int height, ComputeBackend backend) {
        BackgroundMesh mesh = BackgroundMesh.measure(plane, width, height, parameters.meshCellSize());
        float[] residual = mesh.residual(plane);
        float[] smoothed = backend.convolveSeparable(residual, width, height,
                new GaussianKernel(parameters.smoothingSigma()).weights());
        double threshold = parameters.thresholdSigma() * smoothedNoise(smoothed, plane);

        int margin = parameters.fitRadius();
        List<int[]> candidates = localMaxima(smoothed, width, height, margin, threshold);
        candidates.sort(Comparator.comparingDouble((int[] c) -> -smoothed[c[1] * width + c[0]]));
        List<int[]> measured = candidates.subList(0, Math.min(candidates.size(), 2 * parameters.maxStars()));

        List<Star> fitted = ComputePool.get(() -> measured.parallelStream()
                .filter(c -> !isSaturated(plane, width, c[0], c[1]))
                .map(c -> measure(plane, width, mesh, c))
                .flatMap(Optional::stream)
                .toList());
        List<Star> stars = withoutDuplicates(withoutTooSharp(fitted));
        return new StarField(stars.subList(0, Math.min(stars.size(), parameters.maxStars())), mesh.medianLevel(),
                mesh.noise());
    }

    private Optional<Star> measure(float[] plane, int width, BackgroundMesh mesh, int[] c) {
        int cx = c[0];
        int cy = c[1];
        return GaussianPsfFit.fit(plane, width, cx, cy, parameters.fitRadius(), mesh.levelAt(cx, cy), INITIAL_SIGMA)
                .filter(s -> Math.hypot(s.x() - cx, s.y() - cy) <= MAX_CENTRE_SHIFT)
                .filter(s -> s.fwhm() >= parameters.minFwhm() && s.fwhm() <= parameters.maxFwhm());
    }

    /** The PSF width is taken from the brighter half of the fits, where noise and hot pixels weigh least. */
    private List<Star> withoutTooSharp(List<Star> fitted) {
        if (fitted.isEmpty()) {
            return fitted;
        }
        List<Star> byPeak = new ArrayList<>(fitted);
        byPeak.sort(Comparator.comparingDouble((Star s) -> -s.peak()));
        double[] brighter = byPeak.subList(0, (byPeak.size() + 1) / 2).stream().mapToDouble(Star::fwhm).toArray();
        double limit = parameters.sharpnessLimit() * StarField.median(brighter);
        return fitted.stream().filter(s -> s.fwhm() >= limit).toList();
    }

    /**
     * 1.4826 x MAD of a regular subsample: unbiased for Gaussian noise and blind to the few star pixels. Blank
     * (non-finite) pixels, e.g. outside a registered stack's common area, take no part: their zeros would
     * shrink the noise and let noise peaks through.
     */
    private static double smoothedNoise(float[] smoothed, float[] plane) {
        float[] sample = new float[smoothed.length / NOISE_SAMPLE_STRIDE + 1];
        int n = 0;
        for (int i = 0; i < smoothed.length; i += NOISE_SAMPLE_STRIDE) {
            if (Float.isFinite(plane[i])) {
                sample[n++] = smoothed[i];
            }
        }
        if (n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 1.4826 * OrderStatistics.medianAndMad(Arrays.copyOf(sample, n)).mad();
    }

    private static List<int[]> localMaxima(float[] smoothed, int width, int height, int margin, double threshold) {
        return ComputePool.get(() -> IntStream.range(margin, height - margin).parallel().boxed().flatMap(y -> {
            List<int[]> row = new ArrayList<>();
            for (int x = margin; x < width - margin; x++) {
                float v = smoothed[y * width + x];
                if (v > threshold && isLocalMaximum(smoothed, width, height, x, y, v)) {
                    row.add(new int[] {x, y});
                }
            }
            return row.stream();
        }).collect(Collectors.toCollection(ArrayList::new)));
    }

    /** Strictly above the earlier neighbours and at least the later ones, so that a flat top yields one peak. */
    private static boolean isLocalMaximum(float[] smoothed, int width, int height, int x, int y, float v) {
        for (int dy = -PEAK_RADIUS; dy <= PEAK_RADIUS; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= height) {
                continue;
            }
            for (int dx = -PEAK_RADIUS; dx <= PEAK_RADIUS; dx++) {
                int xx = x + dx;
                if ((dx == 0 && dy == 0) || xx < 0 || xx >= width) {
                    continue;
                }
                float other = smoothed[yy * width + xx];
                boolean earlier = dy < 0 || (dy == 0 && dx < 0);
                if (earlier ? other >= v : other > v) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean isSaturated(float[] plane, int width, int cx, int cy) {
        for (int y = cy - 1; y <= cy + 1; y++) {
            for (int x = cx - 1; x <= cx + 1; x++) {
                if (plane[y * width + x] >= parameters.saturationLevel()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Two peaks of one star can converge to the same fit; the brighter measurement is kept. */
    private static List<Star> withoutDuplicates(List<Star> fitted) {
        List<Star> byPeak = new ArrayList<>(fitted);
        byPeak.sort(Comparator.comparingDouble((Star s) -> -s.peak()));
        Set<Long> occupied = new HashSet<>();
        List<Star> kept = new ArrayList<>();
        for (Star s : byPeak) {
            long gx = (long) Math.floor(s.x() / MIN_SEPARATION);
            long gy = (long) Math.floor(s.y() / MIN_SEPARATION);
            boolean taken = false;
            for (long dy = -1; dy <= 1 && !taken; dy++) {
                for (long dx = -1; dx <= 1 && !taken; dx++) {
                    taken = occupied.contains(((gx + dx) << 32) ^ ((gy + dy) & 0xffffffffL));
                }
            }
            if (!taken) {
                occupied.add((gx << 32) ^ (gy & 0xffffffffL));
                kept.add(s);
            }
        }
        return kept;
    }
}
