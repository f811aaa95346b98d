package org.fitsflow.processors.backend;

import org.fitsflow.processors.stats.CfaPattern;

/**
 * The rows of {@link RcdDebayer} that one thread works on, streamed through a window of scratch planes one row at a
 * time. Each stage reads its predecessors a few rows further out than it writes, so each runs a fixed number of rows
 * behind the newest row read: direction statistics 4, green at red and blue sites 5, red and blue at each other's
 * sites 7, red and blue at green sites 10 ({@link #MARGIN}), where the row is finished and stored. A stage thus
 * computes each row once, whatever the rows around it, and the rows in use (the last 14) stay in the cache; when
 * the window is full its last {@code 2 MARGIN} rows move to its top and it fills again.
 *
 * <p>Rows and columns beyond the frame's edges are read mirrored (index -1 reads index 1, which keeps the Bayer
 * phase), so that edge pixels are interpolated like interior ones.
 */
final class RcdWindow {
    static final int MARGIN = 10;
    /** Keeps ratios and weights finite on black sky; far below one 16-bit level (1.5e-5). */
    private static final float EPS = 1e-5f;
    private static final float EPS_SQ = 1e-10f;
    /** How far behind the newest row each stage works: as far as it reads (and its inputs were read) ahead. */
    private static final int VERTICAL_ENERGY_LAG = 3;
    private static final int HORIZONTAL_ENERGY_LAG = 4;
    private static final int DIRECTION_LAG = 4;
    private static final int LOW_PASS_LAG = 1;
    private static final int GREEN_LAG = 5;
    private static final int DIAGONAL_ENERGY_LAG = 3;
    private static final int RED_BLUE_AT_BLUE_RED_LAG = 7;
    /** Rows of the window; each time it is full, the last 2 MARGIN of them are copied back to its top. */
    private static final int WINDOW_ROWS = 64;

    private final int width;
    private final int stride;
    private final CfaPattern pattern;
    private final int[] mirroredColumns;
    private final float[] cfa;
    private final float[] cardinalDirection;
    private final float[] diagonalDirection;
    private final float[] lowPass;
    private final float[] verticalEnergy;
    private final float[] horizontalEnergy;
    private final float[] alongPEnergy;
    private final float[] alongQEnergy;
    private final float[] red;
    private final float[] green;
    private final float[] blue;
    private final float[][] colours;
    /** Image row of window row 0, unmirrored (row -1 is image row 1); window column c is image column c - MARGIN. */
    private int originRow;

    RcdWindow(int width, CfaPattern pattern) {
        this.width = width;
        this.stride = width + 2 * MARGIN;
        this.pattern = pattern;
        mirroredColumns = new int[2 * MARGIN];
        for (int c = 0; c < MARGIN; c++) {
            mirroredColumns[c] = mirror(c - MARGIN, width);
            mirroredColumns[MARGIN + c] = mirror(width + c, width);
        }
        int size = stride * WINDOW_ROWS;
        cfa = new float[size];
        cardinalDirection = new float[size];
        diagonalDirection = new float[size];
        lowPass = new float[size];
        verticalEnergy = new float[size];
        horizontalEnergy = new float[size];
        alongPEnergy = new float[size];
        alongQEnergy = new float[size];
        red = new float[size];
        green = new float[size];
        blue = new float[size];
        colours = new float[][] {red, green, blue};
    }

    /**
     * Demosaics image rows {@code [fromRow, toRow)} into {@code rgb}. Step {@code v} reads row {@code v} of the rows
     * {@code [fromRow - MARGIN, toRow + MARGIN)}, and each stage then computes its row {@code v - lag}, if that is
     * no nearer the first row than its lag: what it reads there has been computed.
     */
    void demosaic(float[] mosaic, int height, int fromRow, int toRow, float[][] rgb) {
        originRow = fromRow - MARGIN;
        int steps = toRow - fromRow + 2 * MARGIN;
        int dropped = 0;
        for (int v = 0; v < steps; v++) {
            if (v - dropped == WINDOW_ROWS) {
                shift();
                dropped += WINDOW_ROWS - 2 * MARGIN;
            }
            int r = v - dropped;
            load(mosaic, height, r);
            if (ready(v, VERTICAL_ENERGY_LAG)) {
                verticalEnergies(r - VERTICAL_ENERGY_LAG);
            }
            if (ready(v, DIAGONAL_ENERGY_LAG)) {
                diagonalEnergies(r - DIAGONAL_ENERGY_LAG);
            }
            if (ready(v, HORIZONTAL_ENERGY_LAG)) {
                horizontalEnergies(r - HORIZONTAL_ENERGY_LAG);
            }
            if (ready(v, DIRECTION_LAG)) {
                cardinalDirections(r - DIRECTION_LAG);
                diagonalDirections(r - DIRECTION_LAG);
            }
            if (ready(v, LOW_PASS_LAG)) {
                lowPassAtRedBlue(r - LOW_PASS_LAG);
            }
            if (ready(v, GREEN_LAG)) {
                greenAtRedBlue(r - GREEN_LAG);
            }
            if (ready(v, RED_BLUE_AT_BLUE_RED_LAG)) {
                redBlueAtBlueRed(r - RED_BLUE_AT_BLUE_RED_LAG);
            }
            if (ready(v, MARGIN)) {
                redBlueAtGreen(r - MARGIN);
                store(rgb, r - MARGIN);
            }
        }
    }

    /** Whether a stage {@code lag} rows behind step {@code v} has a row to compute: one at least {@code lag} rows in. */
    private static boolean ready(int v, int lag) {
        return v - lag >= lag;
    }

    /** Moves the last 2 MARGIN rows of every plane to the top, where the stages find them as before. */
    private void shift() {
        int keep = 2 * MARGIN * stride;
        int from = (WINDOW_ROWS - 2 * MARGIN) * stride;
        for (float[] plane : new float[][] {cfa, cardinalDirection, diagonalDirection, lowPass, verticalEnergy,
                horizontalEnergy, alongPEnergy, alongQEnergy, red, green, blue}) {
            System.arraycopy(plane, from, plane, 0, keep);
        }
        originRow += WINDOW_ROWS - 2 * MARGIN;
    }

    /**
     * Copies window row {@code r} of the mosaic, mirrored at the frame's edges, clipped to [0, 1] (the ratios assume
     * non-negative data; NaN reads as 0), and sets each site's own colour.
     */
    private void load(float[] mosaic, int height, int r) {
        int source = mirror(originRow + r, height) * width;
        int row = r * stride;
        for (int x = 0; x < width; x++) {
            float v = mosaic[source + x];
            cfa[row + MARGIN + x] = v >= 0f ? Math.min(v, 1f) : 0f;
        }
        for (int c = 0; c < MARGIN; c++) {
            cfa[row + c] = cfa[row + MARGIN + mirroredColumns[c]];
            cfa[row + MARGIN + width + c] = cfa[row + MARGIN + mirroredColumns[MARGIN + c]];
        }
        int y = originRow + r;
        for (int c = 0; c < 2; c++) {
            float[] own = colours[pattern.colourAt(y, c)];
            for (int i = row + c, end = row + stride; i < end; i += 2) {
                own[i] = cfa[i];
            }
        }
    }

    /**
     * Vertical against horizontal: the energy of a 7-tap high-pass filter, summed over three neighbours along
     * the filter's axis; 0 means "interpolate vertically", 1 "horizontally". Needed at every site.
     */
    private void verticalEnergies(int r) {
        for (int i = r * stride, end = i + stride; i < end; i++) {
            verticalEnergy[i] = square(highPass(i, stride));
        }
    }

    private void horizontalEnergies(int r) {
        for (int i = r * stride + 3, end = (r + 1) * stride - 3; i < end; i++) {
            horizontalEnergy[i] = square(highPass(i, 1));
        }
    }

    private void cardinalDirections(int r) {
        for (int i = r * stride + 4, end = (r + 1) * stride - 4; i < end; i++) {
            float vertical = Math.max(EPS_SQ, verticalEnergy[i - stride] + verticalEnergy[i] + verticalEnergy[i + stride]);
            float horizontal = Math.max(EPS_SQ, horizontalEnergy[i - 1] + horizontalEnergy[i] + horizontalEnergy[i + 1]);
            cardinalDirection[i] = vertical / (vertical + horizontal);
        }
    }

    /** A 3 x 3 low-pass of the mosaic at red and blue sites: the level the green ratios are corrected by. */
    private void lowPassAtRedBlue(int r) {
        for (int i = r * stride + firstRedBlue(r, 1), end = (r + 1) * stride - 1; i < end; i += 2) {
            lowPass[i] = 0.25f * cfa[i]
                    + 0.125f * (cfa[i - stride] + cfa[i + stride] + cfa[i - 1] + cfa[i + 1])
                    + 0.0625f * (cfa[i - stride - 1] + cfa[i - stride + 1] + cfa[i + stride - 1] + cfa[i + stride + 1]);
        }
    }

    private void greenAtRedBlue(int r) {
        int s = stride;
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

    /** As the cardinal energies, along the two diagonals, at red and blue sites (whose diagonals are blue and red). */
    private void diagonalEnergies(int r) {
        int p = stride + 1;
        int q = stride - 1;
        for (int i = r * stride + firstRedBlue(r, 3), end = (r + 1) * stride - 3; i < end; i += 2) {
            alongPEnergy[i] = square(highPass(i, p));
            alongQEnergy[i] = square(highPass(i, q));
        }
    }

    private void diagonalDirections(int r) {
        int p = stride + 1;
        int q = stride - 1;
        for (int i = r * stride + firstRedBlue(r, 4), end = (r + 1) * stride - 4; i < end; i += 2) {
            float alongP = Math.max(EPS_SQ, alongPEnergy[i - p] + alongPEnergy[i] + alongPEnergy[i + p]);
            float alongQ = Math.max(EPS_SQ, alongQEnergy[i - q] + alongQEnergy[i] + alongQEnergy[i + q]);
            diagonalDirection[i] = alongP / (alongP + alongQ);
        }
    }

    /** Red at blue sites and blue at red sites: green plus the diagonal neighbours' colour difference. */
    private void redBlueAtBlueRed(int r) {
        int s = stride;
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

    /** Red and blue at green sites: green plus the cardinal neighbours' colour difference. */
    private void redBlueAtGreen(int r) {
        int s = stride;
        int first = firstRedBlue(r, MARGIN) == MARGIN ? MARGIN + 1 : MARGIN;
        for (int i = r * s + first, end = (r + 1) * s - MARGIN; i < end; i += 2) {
            float g = green[i];
            float direction = refined(cardinalDirection, i);
            float north = EPS + Math.abs(g - green[i - 2 * s]);
            float south = EPS + Math.abs(g - green[i + 2 * s]);
            float west = EPS + Math.abs(g - green[i - 2]);
            float east = EPS + Math.abs(g - green[i + 2]);
            // both before either store, which the compiler must otherwise assume may change green
            float redHere = atGreenSite(red, i, g, direction, north, south, west, east);
            float blueHere = atGreenSite(blue, i, g, direction, north, south, west, east);
            red[i] = redHere;
            blue[i] = blueHere;
        }
    }

    /** Colour {@code x} at green site {@code i}: green plus its cardinal neighbours' differences, weighted by gradient. */
    private float atGreenSite(float[] x, int i, float g, float direction, float north, float south, float west,
            float east) {
        int s = stride;
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
        return g + (1 - direction) * vertical + direction * horizontal;
    }

    private void store(float[][] rgb, int r) {
        int source = r * stride + MARGIN;
        int target = (originRow + r) * width;
        for (int c = 0; c < 3; c++) {
            float[] to = rgb[c];
            // copied, then clipped where it lies: one index for load and store, which the JIT vectorises
            System.arraycopy(colours[c], source, to, target, width);
            for (int i = target, end = target + width; i < end; i++) {
                to[i] = Math.max(0f, Math.min(1f, to[i]));
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
        // a select without a branch, which would be mispredicted half the time: both distances are finite and
        // not negative (directions lie in [0, 1]), so their bits order as they do
        int neighboursNearer = (Float.floatToRawIntBits(Math.abs(0.5f - centre))
                - Float.floatToRawIntBits(Math.abs(0.5f - neighbours))) >> 31;
        return Float.intBitsToFloat(Float.floatToRawIntBits(neighbours) & neighboursNearer
                | Float.floatToRawIntBits(centre) & ~neighboursNearer);
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
