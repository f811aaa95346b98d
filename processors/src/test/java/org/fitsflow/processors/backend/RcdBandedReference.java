package org.fitsflow.processors.backend;

import org.fitsflow.processors.parallel.ParallelRanges;
import org.fitsflow.processors.stats.CfaPattern;

/**
 * {@link RcdDebayer} as first written, kept to check the streamed one against bit for bit: each band of 96 rows
 * worked whole in a window of its own, with a halo of 10 rows computed again by each band.
 */
final class RcdBandedReference {
    private static final int BAND_ROWS = 96;

    private RcdBandedReference() {
    }

    static float[][] debayer(float[] mosaic, int width, int height, CfaPattern pattern) {
        float[][] rgb = {new float[mosaic.length], new float[mosaic.length], new float[mosaic.length]};
        int bands = (height + BAND_ROWS - 1) / BAND_ROWS;
        ParallelRanges.forEach(bands, 1, (fromBand, toBand) -> {
            Window window = new Window(width, Math.min(BAND_ROWS, height), pattern);
            for (int band = fromBand; band < toBand; band++) {
                int firstRow = band * BAND_ROWS;
                window.demosaic(mosaic, height, firstRow, Math.min(height, firstRow + BAND_ROWS), rgb);
            }
        });
        return rgb;
    }

    private static final class Window {
        static final int MARGIN = 10;
        /** Keeps ratios and weights finite on black sky; far below one 16-bit level (1.5e-5). */
        private static final float EPS = 1e-5f;
        private static final float EPS_SQ = 1e-10f;

        private final int width;
        private final int stride;
        private final CfaPattern pattern;
        private final float[] cfa;
        private final float[] cardinalDirection;
        private final float[] diagonalDirection;
        private final float[] lowPass;
        private final float[] firstEnergy;
        private final float[] secondEnergy;
        private final float[][] colours;
        private int rows;
        /** Image row of window row 0; window column c is image column c - MARGIN. */
        private int originRow;

        Window(int width, int maxBandRows, CfaPattern pattern) {
            this.width = width;
            this.stride = width + 2 * MARGIN;
            this.pattern = pattern;
            int size = stride * (maxBandRows + 2 * MARGIN);
            cfa = new float[size];
            cardinalDirection = new float[size];
            diagonalDirection = new float[size];
            lowPass = new float[size];
            firstEnergy = new float[size];
            secondEnergy = new float[size];
            colours = new float[][] {new float[size], new float[size], new float[size]};
        }

        /** Demosaics image rows {@code [fromRow, toRow)} into {@code rgb}. */
        void demosaic(float[] mosaic, int height, int fromRow, int toRow, float[][] rgb) {
            rows = toRow - fromRow + 2 * MARGIN;
            originRow = fromRow - MARGIN;
            load(mosaic, height);
            cardinalDirections();
            lowPassAtRedBlue();
            greenAtRedBlue();
            diagonalDirections();
            redBlueAtBlueRed();
            redBlueAtGreen();
            store(rgb, fromRow, toRow);
        }

        /**
         * Copies the band and its halo, mirrored at the frame's edges, clipped to [0, 1] (the ratios assume
         * non-negative data; NaN reads as 0), and sets each site's own colour.
         */
        private void load(float[] mosaic, int height) {
            for (int r = 0; r < rows; r++) {
                int source = mirror(originRow + r, height) * width;
                int row = r * stride;
                for (int x = 0; x < width; x++) {
                    float v = mosaic[source + x];
                    cfa[row + MARGIN + x] = v >= 0f ? Math.min(v, 1f) : 0f;
                }
                for (int c = 0; c < MARGIN; c++) {
                    cfa[row + c] = cfa[row + MARGIN + mirror(c - MARGIN, width)];
                    cfa[row + MARGIN + width + c] = cfa[row + MARGIN + mirror(width + c, width)];
                }
                int y = originRow + r;
                for (int c = 0; c < 2; c++) {
                    float[] own = colours[pattern.colourAt(y, c)];
                    for (int i = row + c, end = row + stride; i < end; i += 2) {
                        own[i] = cfa[i];
                    }
                }
            }
        }

        /**
         * Vertical against horizontal: the energy of a 7-tap high-pass filter, summed over three neighbours along
         * the filter's axis; 0 means "interpolate vertically", 1 "horizontally". Needed at every site.
         */
        private void cardinalDirections() {
            for (int r = 3; r < rows - 3; r++) {
                for (int i = r * stride, end = i + stride; i < end; i++) {
                    firstEnergy[i] = square(highPass(i, stride));
                }
            }
            for (int r = 4; r < rows - 4; r++) {
                for (int i = r * stride + 3, end = (r + 1) * stride - 3; i < end; i++) {
                    secondEnergy[i] = square(highPass(i, 1));
                }
            }
            for (int r = 4; r < rows - 4; r++) {
                for (int i = r * stride + 4, end = (r + 1) * stride - 4; i < end; i++) {
                    float vertical = Math.max(EPS_SQ, firstEnergy[i - stride] + firstEnergy[i] + firstEnergy[i + stride]);
                    float horizontal = Math.max(EPS_SQ, secondEnergy[i - 1] + secondEnergy[i] + secondEnergy[i + 1]);
                    cardinalDirection[i] = vertical / (vertical + horizontal);
                }
            }
        }

        /** A 3 x 3 low-pass of the mosaic at red and blue sites: the level the green ratios are corrected by. */
        private void lowPassAtRedBlue() {
            for (int r = 1; r < rows - 1; r++) {
                for (int i = r * stride + firstRedBlue(r, 1), end = (r + 1) * stride - 1; i < end; i += 2) {
                    lowPass[i] = 0.25f * cfa[i]
                            + 0.125f * (cfa[i - stride] + cfa[i + stride] + cfa[i - 1] + cfa[i + 1])
                            + 0.0625f * (cfa[i - stride - 1] + cfa[i - stride + 1] + cfa[i + stride - 1] + cfa[i + stride + 1]);
                }
            }
        }

        private void greenAtRedBlue() {
            float[] green = colours[CfaPattern.GREEN];
            int s = stride;
            for (int r = 5; r < rows - 5; r++) {
                for (int i = r * s + firstRedBlue(r, 5), end = (r + 1) * s - 5; i < end; i += 2) {
                    float centre = cfa[i];
                    float north = EPS + Math.abs(cfa[i - s] - cfa[i + s]) + Math.abs(centre - cfa[i - 2 * s])
                            + Math.abs(cfa[i - s] - cfa[i - 3 * s]) + Math.abs(cfa[i - 2 * s] - cfa[i - 4 * s]);
                    float south = EPS + Math.abs(cfa[i - s] - cfa[i + s]) + Math.abs(centre - cfa[i + 2 * s])
                            + Math.abs(cfa[i + s] - cfa[i + 3 * s]) + Math.abs(cfa[i + 2 * s] - cfa[i + 4 * s]);
                    float west = EPS + Math.abs(cfa[i - 1] - cfa[i + 1]) + Math.abs(centre - cfa[i - 2])
                            + Math.abs(cfa[i - 1] - cfa[i - 3]) + Math.abs(cfa[i - 2] - cfa[i - 4]);
                    float east = EPS + Math.abs(cfa[i - 1] - cfa[i + 1]) + Math.abs(centre - cfa[i + 2])
                            + Math.abs(cfa[i + 1] - cfa[i + 3]) + Math.abs(cfa[i + 2] - cfa[i + 4]);

                    float level = lowPass[i];
                    float northEstimate = ratioCorrected(cfa[i - s], level, lowPass[i - 2 * s]);
                    float southEstimate = ratioCorrected(cfa[i + s], level, lowPass[i + 2 * s]);
                    float westEstimate = ratioCorrected(cfa[i - 1], level, lowPass[i - 2]);
                    float eastEstimate = ratioCorrected(cfa[i + 1], level, lowPass[i + 2]);

                    // each side is weighted by the other side's gradient: the smoother side counts more
                    float vertical = (south * northEstimate + north * southEstimate) / (north + south);
                    float horizontal = (west * eastEstimate + east * westEstimate) / (east + west);
                    float direction = refined(cardinalDirection, i);
                    green[i] = direction * horizontal + (1 - direction) * vertical;
                }
            }
        }

        /** As {@link #cardinalDirections}, along the two diagonals, at red and blue sites (whose diagonals are blue and red). */
        private void diagonalDirections() {
            int p = stride + 1;
            int q = stride - 1;
            for (int r = 3; r < rows - 3; r++) {
                for (int i = r * stride + firstRedBlue(r, 3), end = (r + 1) * stride - 3; i < end; i += 2) {
                    firstEnergy[i] = square(highPass(i, p));
                    secondEnergy[i] = square(highPass(i, q));
                }
            }
            for (int r = 4; r < rows - 4; r++) {
                for (int i = r * stride + firstRedBlue(r, 4), end = (r + 1) * stride - 4; i < end; i += 2) {
                    float alongP = Math.max(EPS_SQ, firstEnergy[i - p] + firstEnergy[i] + firstEnergy[i + p]);
                    float alongQ = Math.max(EPS_SQ, secondEnergy[i - q] + secondEnergy[i] + secondEnergy[i + q]);
                    diagonalDirection[i] = alongP / (alongP + alongQ);
                }
            }
        }

        /** Red at blue sites and blue at red sites: green plus the diagonal neighbours' colour difference. */
        private void redBlueAtBlueRed() {
            float[] green = colours[CfaPattern.GREEN];
            int s = stride;
            for (int r = 7; r < rows - 7; r++) {
                int first = firstRedBlue(r, 7);
                float[] x = colours[CfaPattern.RED + CfaPattern.BLUE - pattern.colourAt(originRow + r, first)];
                for (int i = r * s + first, end = (r + 1) * s - 7; i < end; i += 2) {
                    float g = green[i];
                    float northWest = EPS + Math.abs(x[i - s - 1] - x[i + s + 1]) + Math.abs(x[i - s - 1] - x[i - 3 * s - 3])
                            + Math.abs(g - green[i - 2 * s - 2]);
                    float northEast = EPS + Math.abs(x[i - s + 1] - x[i + s - 1]) + Math.abs(x[i - s + 1] - x[i - 3 * s + 3])
                            + Math.abs(g - green[i - 2 * s + 2]);
                    float southWest = EPS + Math.abs(x[i - s + 1] - x[i + s - 1]) + Math.abs(x[i + s - 1] - x[i + 3 * s - 3])
                            + Math.abs(g - green[i + 2 * s - 2]);
                    float southEast = EPS + Math.abs(x[i - s - 1] - x[i + s + 1]) + Math.abs(x[i + s + 1] - x[i + 3 * s + 3])
                            + Math.abs(g - green[i + 2 * s + 2]);

                    float northWestDifference = x[i - s - 1] - green[i - s - 1];
                    float northEastDifference = x[i - s + 1] - green[i - s + 1];
                    float southWestDifference = x[i + s - 1] - green[i + s - 1];
                    float southEastDifference = x[i + s + 1] - green[i + s + 1];

                    float alongP = (northWest * southEastDifference + southEast * northWestDifference) / (northWest + southEast);
                    float alongQ = (northEast * southWestDifference + southWest * northEastDifference) / (northEast + southWest);
                    float direction = refined(diagonalDirection, i);
                    x[i] = g + (1 - direction) * alongP + direction * alongQ;
                }
            }
        }

        /** Red and blue at green sites: green plus the cardinal neighbours' colour difference. */
        private void redBlueAtGreen() {
            float[] green = colours[CfaPattern.GREEN];
            int s = stride;
            for (int r = MARGIN; r < rows - MARGIN; r++) {
                int first = firstRedBlue(r, MARGIN) == MARGIN ? MARGIN + 1 : MARGIN;
                for (int i = r * s + first, end = (r + 1) * s - MARGIN; i < end; i += 2) {
                    float g = green[i];
                    float direction = refined(cardinalDirection, i);
                    float north = EPS + Math.abs(g - green[i - 2 * s]);
                    float south = EPS + Math.abs(g - green[i + 2 * s]);
                    float west = EPS + Math.abs(g - green[i - 2]);
                    float east = EPS + Math.abs(g - green[i + 2]);
                    for (int c = CfaPattern.RED; c <= CfaPattern.BLUE; c += CfaPattern.BLUE - CfaPattern.RED) {
                        float[] x = colours[c];
                        float northSouth = Math.abs(x[i - s] - x[i + s]);
                        float westEast = Math.abs(x[i - 1] - x[i + 1]);
                        float northGradient = north + northSouth + Math.abs(x[i - s] - x[i - 3 * s]);
                        float southGradient = south + northSouth + Math.abs(x[i + s] - x[i + 3 * s]);
                        float westGradient = west + westEast + Math.abs(x[i - 1] - x[i - 3]);
                        float eastGradient = east + westEast + Math.abs(x[i + 1] - x[i + 3]);

                        float northDifference = x[i - s] - green[i - s];
                        float southDifference = x[i + s] - green[i + s];
                        float westDifference = x[i - 1] - green[i - 1];
                        float eastDifference = x[i + 1] - green[i + 1];

                        float vertical = (northGradient * southDifference + southGradient * northDifference)
                                / (northGradient + southGradient);
                        float horizontal = (eastGradient * westDifference + westGradient * eastDifference)
                                / (eastGradient + westGradient);
                        x[i] = g + (1 - direction) * vertical + direction * horizontal;
                    }
                }
            }
        }

        private void store(float[][] rgb, int fromRow, int toRow) {
            for (int y = fromRow; y < toRow; y++) {
                int source = (y - originRow) * stride + MARGIN;
                int target = y * width;
                for (int c = 0; c < 3; c++) {
                    float[] from = colours[c];
                    float[] to = rgb[c];
                    for (int x = 0; x < width; x++) {
                        to[target + x] = Math.max(0f, Math.min(1f, from[source + x]));
                    }
                }
            }
        }

        /** (x[-3] + x[3]) - (x[-1] + x[1]) - 3 (x[-2] + x[2]) + 6 x[0], with x[k] = cfa[i + k step]. */
        private float highPass(int i, int step) {
            return cfa[i - 3 * step] + cfa[i + 3 * step] - cfa[i - step] - cfa[i + step]
                    - 3 * (cfa[i - 2 * step] + cfa[i + 2 * step]) + 6 * cfa[i];
        }

        /** The site's direction, or the mean of its four diagonal neighbours' when that is more decided (further from 0.5). */
        private float refined(float[] direction, int i) {
            float centre = direction[i];
            float neighbours = 0.25f * (direction[i - stride - 1] + direction[i - stride + 1]
                    + direction[i + stride - 1] + direction[i + stride + 1]);
            return Math.abs(0.5f - centre) < Math.abs(0.5f - neighbours) ? neighbours : centre;
        }

        /** A green neighbour scaled by how much brighter the low-pass level is here than at the neighbour's far side. */
        private static float ratioCorrected(float neighbour, float level, float farLevel) {
            return neighbour * (1 + (level - farLevel) / (EPS + level + farLevel));
        }

        /** Offset of the first red or blue site at or after column {@code from} in window row {@code r}. */
        private int firstRedBlue(int r, int from) {
            return pattern.colourAt(originRow + r, from) == CfaPattern.GREEN ? from + 1 : from;
        }

        private static float square(float v) {
            return v * v;
        }

        /** Reflection without repeating the edge sample; keeps the parity of the index, hence the Bayer phase. */
        static int mirror(int index, int length) {
            if (length == 1) {
                return 0;
            }
            int period = 2 * (length - 1);
            int folded = Math.floorMod(index, period);
            return folded < length ? folded : period - folded;
        }
    }
}
