package org.fitsflow.processors.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;
import org.fitsflow.processors.stats.OrderStatistics;
import org.fitsflow.processors.stats.SortedFloats;

/**
 * Cosmetic correction of a raw Bayer mosaic before it is debayered: a hot photosite stands out from the
 * same-colour photosites around it (two pixels away) while its four direct neighbours, which are of other
 * colours in every Bayer pattern, show nothing; a star, at least two pixels wide, lights those neighbours
 * too. Hot photosites take the median of their same-colour ring. Uncalibrated subs from a warm sensor have
 * hundreds of them, which would otherwise be counted as sharp stars and leave trails in a stack.
 */
public final class HotPixelFilter {
    private static final double DETECTION_SIGMA = 5.0;
    /**
     * A star two pixels wide lights its direct neighbours at about half its excess (times their colour's
     * share); a hot photosite leaves them at 0 +- noise. Their mean halves that noise.
     */
    private static final double NEIGHBOUR_FRACTION = 0.2;
    /** A prime stride: tens of thousands of samples, enough for the MAD within a percent, spread over the colours. */
    private static final int NOISE_SAMPLE_STRIDE = 29;

    private HotPixelFilter() {
    }

    /** Returns a corrected copy of the mosaic and leaves the input unchanged. */
    public static float[] corrected(float[] mosaic, int width, int height) {
        float[] out = mosaic.clone();
        correct(out, width, height);
        return out;
    }

    /**
     * Corrects the mosaic in place. Every decision is taken on the values as they came: the corrections are
     * collected row by row and written once all rows are judged.
     */
    public static void correct(float[] mosaic, int width, int height) {
        double sigma = noise(mosaic, width, height);
        if (!(sigma > 0)) {
            return;
        }
        double threshold = DETECTION_SIGMA * sigma;
        List<float[]> corrections = ComputePool.get(() -> IntStream.range(0, height).parallel().boxed().flatMap(y -> {
            float[] ring = new float[8];
            List<float[]> row = new ArrayList<>();
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                // The ring's median is at least its minimum: most photosites are ruled out without a sort.
                if (mosaic[i] - ringMinimum(mosaic, width, height, x, y) <= threshold) {
                    continue;
                }
                double median = ringMedian(mosaic, width, height, x, y, ring);
                double e = mosaic[i] - median;
                if (e > threshold && meanNeighbourExcess(mosaic, width, height, x, y, ring) < NEIGHBOUR_FRACTION * e) {
                    row.add(new float[] {i, (float) median});
                }
            }
            return row.stream();
        }).toList());
        for (float[] c : corrections) {
            mosaic[(int) c[0]] = c[1];
        }
    }

    private static double ringMinimum(float[] mosaic, int width, int height, int x, int y) {
        if (x >= 2 && y >= 2 && x < width - 2 && y < height - 2) {
            // Inside the frame, without a bounds check per neighbour: this runs for every photosite.
            int up = (y - 2) * width + x;
            int here = y * width + x;
            int down = (y + 2) * width + x;
            float min = Math.min(Math.min(Math.min(mosaic[up - 2], mosaic[up]), Math.min(mosaic[up + 2], mosaic[here - 2])),
                    Math.min(Math.min(mosaic[here + 2], mosaic[down - 2]), Math.min(mosaic[down], mosaic[down + 2])));
            // NaN neighbours make the minimum NaN: then the exact path below, which skips them, decides.
            if (!Float.isNaN(min)) {
                return min;
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (int dy = -2; dy <= 2; dy += 2) {
            for (int dx = -2; dx <= 2; dx += 2) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < width && yy < height) {
                    float v = mosaic[yy * width + xx];
                    if (v < min) {
                        min = v;
                    }
                }
            }
        }
        // No finite neighbour: the median is the value itself, never an excess.
        return min == Double.POSITIVE_INFINITY ? mosaic[y * width + x] : min;
    }

    private static double excess(float[] mosaic, int width, int height, int x, int y, float[] ring) {
        return mosaic[y * width + x] - ringMedian(mosaic, width, height, x, y, ring);
    }

    private static double meanNeighbourExcess(float[] mosaic, int width, int height, int x, int y, float[] ring) {
        double sum = 0;
        int n = 0;
        if (x > 0) {
            sum += excess(mosaic, width, height, x - 1, y, ring);
            n++;
        }
        if (x < width - 1) {
            sum += excess(mosaic, width, height, x + 1, y, ring);
            n++;
        }
        if (y > 0) {
            sum += excess(mosaic, width, height, x, y - 1, ring);
            n++;
        }
        if (y < height - 1) {
            sum += excess(mosaic, width, height, x, y + 1, ring);
            n++;
        }
        return sum / n;
    }

    /** Median of the (up to) eight same-colour photosites two pixels away. */
    private static double ringMedian(float[] mosaic, int width, int height, int x, int y, float[] ring) {
        int n = 0;
        for (int dy = -2; dy <= 2; dy += 2) {
            for (int dx = -2; dx <= 2; dx += 2) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < width && yy < height
                        && Float.isFinite(mosaic[yy * width + xx])) {
                    ring[n++] = mosaic[yy * width + xx];
                }
            }
        }
        if (n == 0) {
            return mosaic[y * width + x];
        }
        // At most eight values, for every sampled photosite: insertion beats a general sort's set-up.
        SortedFloats.insertionSort(ring, n);
        return n % 2 == 1 ? ring[n / 2] : 0.5 * (ring[n / 2 - 1] + ring[n / 2]);
    }

    /** Robust standard deviation (1.4826 MAD) of the excess over a regular subsample. */
    private static double noise(float[] mosaic, int width, int height) {
        float[] sample = new float[mosaic.length / NOISE_SAMPLE_STRIDE + 1];
        float[] ring = new float[8];
        int n = 0;
        for (int i = 0; i < mosaic.length; i += NOISE_SAMPLE_STRIDE) {
            float e = (float) excess(mosaic, width, height, i % width, i / width, ring);
            if (Float.isFinite(e)) {
                sample[n++] = e;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return 1.4826 * OrderStatistics.medianAndMad(Arrays.copyOf(sample, n)).mad();
    }
}
