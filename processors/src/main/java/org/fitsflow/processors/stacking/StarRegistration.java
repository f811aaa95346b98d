package org.fitsflow.processors.stacking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fitsflow.processors.analysis.Star;

/**
 * Finds the rigid transform from a reference frame's stars to another frame's stars. Star pairs are invariant
 * under rotation and translation, so every pair of bright reference stars is matched to the frame's pairs of
 * about the same length; each match proposes a transform, the one that brings most reference stars onto a
 * frame star wins (a RANSAC over pair hypotheses, robust to stars missing in either frame), and a least-squares
 * fit over its matched stars refines it. The frame's stars are kept sorted by x, so that finding the one under a
 * mapped reference star looks at the few within the match radius in x instead of all of them: the hypotheses
 * run into the thousands per sub.
 */
public final class StarRegistration {
    private static final int BRIGHTEST = 60;
    private static final int HYPOTHESIS_STARS = 25;
    private static final double MIN_PAIR_LENGTH = 30;
    private static final double LENGTH_TOLERANCE = 1.5;
    private static final double MATCH_RADIUS = 2.0;
    private static final int MIN_MATCHES = 6;

    /** The transform and the reference stars it matched, with their RMS residual in pixels. */
    public record Match(RigidTransform transform, int matchedStars, double rmsResidual) {
    }

    public Optional<Match> register(List<Star> reference, List<Star> frame) {
        double[][] ref = brightest(reference, BRIGHTEST);
        double[][] other = byX(brightest(frame, BRIGHTEST));
        if (ref.length < MIN_MATCHES || other.length < MIN_MATCHES) {
            return Optional.empty();
        }
        List<double[]> otherPairs = pairsByLength(other);
        double[] lengths = otherPairs.stream().mapToDouble(p -> p[2]).toArray();
        RigidTransform best = null;
        int bestCount = 0;
        int h = Math.min(HYPOTHESIS_STARS, ref.length);
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                double length = Math.hypot(ref[j][0] - ref[i][0], ref[j][1] - ref[i][1]);
                if (length < MIN_PAIR_LENGTH) {
                    continue;
                }
                int from = lowerBound(lengths, length - LENGTH_TOLERANCE);
                for (int k = from; k < lengths.length && lengths[k] <= length + LENGTH_TOLERANCE; k++) {
                    int a = (int) otherPairs.get(k)[0];
                    int b = (int) otherPairs.get(k)[1];
                    for (int swap = 0; swap < 2; swap++) {
                        double[] p = swap == 0 ? other[a] : other[b];
                        double[] q = swap == 0 ? other[b] : other[a];
                        RigidTransform t = RigidTransform.fit(new double[][] {ref[i], ref[j]}, new double[][] {p, q});
                        int count = countMatches(t, ref, other, bestCount);
                        if (count > bestCount) {
                            bestCount = count;
                            best = t;
                        }
                    }
                }
            }
        }
        if (best == null || bestCount < MIN_MATCHES) {
            return Optional.empty();
        }
        return Optional.of(refine(best, ref, other));
    }

    private static Match refine(RigidTransform start, double[][] ref, double[][] other) {
        RigidTransform t = start;
        List<double[][]> pairs = List.of();
        for (int it = 0; it < 3; it++) {
            pairs = matchedPairs(t, ref, other);
            double[][] from = pairs.stream().map(p -> p[0]).toArray(double[][]::new);
            double[][] to = pairs.stream().map(p -> p[1]).toArray(double[][]::new);
            t = RigidTransform.fit(from, to);
        }
        pairs = matchedPairs(t, ref, other);
        double sum = 0;
        for (double[][] p : pairs) {
            double dx = t.mapX(p[0][0], p[0][1]) - p[1][0];
            double dy = t.mapY(p[0][0], p[0][1]) - p[1][1];
            sum += dx * dx + dy * dy;
        }
        return new Match(t, pairs.size(), Math.sqrt(sum / Math.max(1, pairs.size())));
    }

    private static List<double[][]> matchedPairs(RigidTransform t, double[][] ref, double[][] other) {
        List<double[][]> pairs = new ArrayList<>();
        for (double[] r : ref) {
            double[] nearest = nearest(t.mapX(r[0], r[1]), t.mapY(r[0], r[1]), other);
            if (nearest != null) {
                pairs.add(new double[][] {r, nearest});
            }
        }
        return pairs;
    }

    /** The reference stars that land on a frame star; stops early, returning at most {@code toBeat}, once it cannot beat it. */
    private static int countMatches(RigidTransform t, double[][] ref, double[][] other, int toBeat) {
        int count = 0;
        for (int i = 0; i < ref.length && count + ref.length - i > toBeat; i++) {
            double[] r = ref[i];
            if (nearest(t.mapX(r[0], r[1]), t.mapY(r[0], r[1]), other) != null) {
                count++;
            }
        }
        return count;
    }

    /** The star of {@code stars} (sorted by x) nearest to (x, y) within the match radius, or null. */
    private static double[] nearest(double x, double y, double[][] stars) {
        double[] best = null;
        double bestDistance = MATCH_RADIUS * MATCH_RADIUS;
        for (int k = firstAtOrRightOf(stars, x - MATCH_RADIUS); k < stars.length && stars[k][0] <= x + MATCH_RADIUS; k++) {
            double[] s = stars[k];
            double d = (s[0] - x) * (s[0] - x) + (s[1] - y) * (s[1] - y);
            if (d <= bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }

    private static int firstAtOrRightOf(double[][] byX, double x) {
        int lo = 0;
        int hi = byX.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byX[mid][0] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[][] byX(double[][] stars) {
        double[][] sorted = stars.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(s -> s[0]));
        return sorted;
    }

    private static double[][] brightest(List<Star> stars, int count) {
        return stars.stream().sorted(Comparator.comparingDouble((Star s) -> -s.flux())).limit(count)
                .map(s -> new double[] {s.x(), s.y()}).toArray(double[][]::new);
    }

    /** Every pair {i, j, length} of the stars, shortest first. */
    private static List<double[]> pairsByLength(double[][] stars) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < stars.length; i++) {
            for (int j = i + 1; j < stars.length; j++) {
                pairs.add(new double[] {i, j, Math.hypot(stars[j][0] - stars[i][0], stars[j][1] - stars[i][1])});
            }
        }
        pairs.sort(Comparator.comparingDouble(p -> p[2]));
        return pairs;
    }

    private static int lowerBound(double[] sorted, double value) {
        int index = Arrays.binarySearch(sorted, value);
        return index >= 0 ? index : -index - 1;
    }
}
