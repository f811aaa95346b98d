package org.fitsflow.processors.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Second, independent measurements to check the detector against, written from their textbook definitions
 * and sharing no code with it:
 * <ul>
 * <li>adaptive second moments (Bernstein and Jarvis 2002): the elliptical Gaussian weight is iterated until it
 * matches the star's own weighted covariance; at convergence it equals the covariance of the best-fitting
 * Gaussian, so its FWHM is comparable with a Gaussian fit while being computed by moments, not least squares;</li>
 * <li>connected components: pixels of the lightly smoothed image above a threshold in sigmas of its own noise (block
 * medians for the background, MAD for the noise), grouped 8-connected; a group is one source.</li>
 * </ul>
 */
public final class IndependentStarMeasures {
    private static final double FWHM_PER_SIGMA = 2.3548200450309493;

    private IndependentStarMeasures() {
    }

    /** FWHM (geometric mean of the axes) by adaptive moments around (x0, y0); NaN when it does not converge. */
    public static double adaptiveMomentFwhm(float[] p, int w, int h, double x0, double y0) {
        int radius = 8;
        int cx = (int) Math.round(x0);
        int cy = (int) Math.round(y0);
        if (cx < radius + 5 || cy < radius + 5 || cx >= w - radius - 5 || cy >= h - radius - 5) {
            return Double.NaN;
        }
        List<Double> annulus = new ArrayList<>();
        for (int y = cy - 12; y <= cy + 12; y++) {
            for (int x = cx - 12; x <= cx + 12; x++) {
                double r = Math.hypot(x - cx, y - cy);
                if (r >= 9 && r <= 12 && x >= 0 && y >= 0 && x < w && y < h) {
                    annulus.add((double) p[y * w + x]);
                }
            }
        }
        double background = median(annulus.stream().mapToDouble(Double::doubleValue).toArray());
        double mx = x0;
        double my = y0;
        double sxx = 2;
        double syy = 2;
        double sxy = 0;
        for (int it = 0; it < 50; it++) {
            double det = sxx * syy - sxy * sxy;
            double ixx = syy / det;
            double iyy = sxx / det;
            double ixy = -sxy / det;
            double s = 0;
            double sx = 0;
            double sy = 0;
            double qxx = 0;
            double qyy = 0;
            double qxy = 0;
            for (int y = cy - radius; y <= cy + radius; y++) {
                for (int x = cx - radius; x <= cx + radius; x++) {
                    double dx = x - mx;
                    double dy = y - my;
                    double weight = Math.exp(-0.5 * (ixx * dx * dx + 2 * ixy * dx * dy + iyy * dy * dy));
                    double v = (p[y * w + x] - background) * weight;
                    s += v;
                    sx += v * dx;
                    sy += v * dy;
                    qxx += v * dx * dx;
                    qyy += v * dy * dy;
                    qxy += v * dx * dy;
                }
            }
            if (s <= 0) {
                return Double.NaN;
            }
            double ux = sx / s;
            double uy = sy / s;
            // Weighted covariance C = (S^-1 + W^-1)^-1; with W = S at convergence, S = 2 C.
            double nxx = 2 * (qxx / s - ux * ux);
            double nyy = 2 * (qyy / s - uy * uy);
            double nxy = 2 * (qxy / s - ux * uy);
            mx += ux;
            my += uy;
            if (nxx <= 0 || nyy <= 0 || nxx * nyy - nxy * nxy <= 0 || Math.hypot(mx - x0, my - y0) > 3) {
                return Double.NaN;
            }
            double change = Math.abs(nxx - sxx) + Math.abs(nyy - syy) + Math.abs(nxy - sxy);
            sxx = nxx;
            syy = nyy;
            sxy = nxy;
            if (change < 1e-6) {
                break;
            }
        }
        return FWHM_PER_SIGMA * Math.sqrt(Math.sqrt(sxx * syy - sxy * sxy));
    }

    /**
     * Sources as 8-connected groups of pixels above 5 sigma on the image smoothed by a Gaussian of sigma 1 pixel,
     * leaving out groups of one pixel (noise), groups touching a 6-pixel border, saturated ones, and hot pixels.
     * A hot pixel is told apart on the raw GRBG mosaic: when the brightest pixel is a green photosite, its four
     * direct neighbours are red and blue photosites, which a star lights at a good fraction of its peak and a
     * defective photosite leaves dark. The brightest stars of these subs have cores of FWHM 1.2 to 1.5 pixels
     * whose neighbours rise by only an eighth of the core, so a twentieth is the limit. Returns {x, y, area} per
     * source.
     */
    static List<int[]> connectedSources(float[] g, float[] grbgMosaic, int w, int h, double thresholdSigma) {
        int block = Integer.getInteger("block", 128);
        float[] residual = new float[w * h];
        for (int by = 0; by < h; by += block) {
            for (int bx = 0; bx < w; bx += block) {
                int x1 = Math.min(w, bx + block);
                int y1 = Math.min(h, by + block);
                double[] v = new double[(x1 - bx) * (y1 - by)];
                int n = 0;
                for (int y = by; y < y1; y++) {
                    for (int x = bx; x < x1; x++) {
                        v[n++] = g[y * w + x];
                    }
                }
                double m = median(v);
                for (int y = by; y < y1; y++) {
                    for (int x = bx; x < x1; x++) {
                        residual[y * w + x] = (float) (g[y * w + x] - m);
                    }
                }
            }
        }
        // The same smoothing as the detection threshold is defined on (Gaussian, sigma 1 pixel), written out directly.
        int r = 3;
        float[] k = new float[2 * r + 1];
        float total = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / 2.0);
            total += k[i + r];
        }
        float[] smooth = new float[w * h];
        for (int y = r; y < h - r; y++) {
            for (int x = r; x < w - r; x++) {
                float sum = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        sum += k[dx + r] * k[dy + r] * residual[(y + dy) * w + x + dx];
                    }
                }
                smooth[y * w + x] = sum / (total * total);
            }
        }
        double[] sample = new double[w * h / 5];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = smooth[i * 5];
        }
        double centre = median(sample);
        double[] deviations = Arrays.stream(sample).map(v -> Math.abs(v - centre)).toArray();
        double threshold = centre + thresholdSigma * 1.4826 * median(deviations);

        List<int[]> sources = new ArrayList<>();
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[w * h];
        for (int i = 0; i < w * h; i++) {
            if (seen[i] || smooth[i] <= threshold) {
                continue;
            }
            int sp = 0;
            stack[sp++] = i;
            seen[i] = true;
            int area = 0;
            int best = i;
            boolean edge = false;
            while (sp > 0) {
                int j = stack[--sp];
                area++;
                if (g[j] > g[best]) {
                    best = j;
                }
                int x = j % w;
                int y = j / w;
                edge |= x < 6 || y < 6 || x >= w - 6 || y >= h - 6;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            int q = yy * w + xx;
                            if (!seen[q] && smooth[q] > threshold) {
                                seen[q] = true;
                                stack[sp++] = q;
                            }
                        }
                    }
                }
            }
            if (edge || area < 2 || g[best] >= 0.95) {
                continue;
            }
            if (isHotPhotosite(grbgMosaic, w, best % w, best / w)) {
                continue;
            }
            sources.add(new int[] {best % w, best / w, area});
        }
        return sources;
    }

    private static boolean isHotPhotosite(float[] mosaic, int w, int x, int y) {
        boolean green = ((x + y) & 1) == 0;
        if (!green) {
            return false;
        }
        double centre = mosaic[y * w + x] - sameColourLevel(mosaic, w, x, y);
        double neighbours = 0;
        int[][] offsets = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int[] o : offsets) {
            neighbours += mosaic[(y + o[1]) * w + x + o[0]] - sameColourLevel(mosaic, w, x + o[0], y + o[1]);
        }
        return neighbours / 4 < 0.05 * centre;
    }

    /** Median of the same-colour photosites on a ring 4 to 8 pixels away: the local sky in that colour. */
    private static double sameColourLevel(float[] mosaic, int w, int x, int y) {
        int h = mosaic.length / w;
        List<Double> values = new ArrayList<>();
        for (int j = -4; j <= 4; j++) {
            for (int i = -4; i <= 4; i++) {
                int xx = x + 2 * i;
                int yy = y + 2 * j;
                if (Math.max(Math.abs(i), Math.abs(j)) >= 2 && xx >= 0 && yy >= 0 && xx < w && yy < h) {
                    values.add((double) mosaic[yy * w + xx]);
                }
            }
        }
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
