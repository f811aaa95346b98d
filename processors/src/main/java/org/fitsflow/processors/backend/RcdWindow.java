package org.fitsflow.processors.backend;

import org.fitsflow.processors.stats.CfaPattern;

/**
 * The rows of {@link RcdDebayer} that one thread works on, streamed through rings of rows one row at a time. Each
 * stage reads its predecessors a few rows further out than it writes, so each runs a fixed number of rows behind
 * the newest row read: direction statistics 4, green at red and blue sites 5, red and blue at each other's sites 7,
 * red and blue at green sites 10 ({@link #MARGIN}), where the row is finished and stored. A stage thus computes each
 * row once, whatever the rows around it, and the rows in use (the last 14) stay in the cache.
 *
 * <p>Rows and columns beyond the frame's edges are read mirrored (index -1 reads index 1, which keeps the Bayer
 * phase), so that edge pixels are interpolated like interior ones.
 *
 * <p>The stages are written for the JIT's vector instructions, which it (Java 17) uses only in a loop whose arrays
 * are all read and written at the loop's index and whose body is small. So every loop runs over all the columns of
 * a row, each plane's rows are arrays of their own (a neighbour above or below is the same index in another row),
 * a neighbour to the left or right is read from a copy of its row shifted by the offset, made once when the row
 * is final ({@link Plane#publish}), and each formula is worked in a few short loops through scratch rows. A stage
 * that fills only some sites (green at red and blue, red and blue at each other's or at green sites) computes its
 * formula at every column and then copies the sites it fills. Every value kept is the same float, in the same order
 * of operations, as computed site by site.
 */
final class RcdWindow {
    static final int MARGIN = 10;
    /** Keeps ratios and weights finite on black sky; far below one 16-bit level (1.5e-5). */
    private static final float EPS = 1e-5f;
    private static final float EPS_SQ = 1e-10f;
    /** Turns a difference of two directions' distances from 0.5 into a weight of 0 or 1 ({@link #refine}). */
    private static final float SELECT = 1L << 30;
    /** How far behind the newest row each stage works: as far as it reads (and its inputs were read) ahead. */
    private static final int VERTICAL_ENERGY_LAG = 3;
    private static final int HORIZONTAL_ENERGY_LAG = 4;
    private static final int DIRECTION_LAG = 4;
    private static final int LOW_PASS_LAG = 1;
    private static final int GREEN_LAG = 5;
    private static final int DIAGONAL_ENERGY_LAG = 3;
    private static final int RED_BLUE_AT_BLUE_RED_LAG = 7;
    /** Rows kept of each plane: the 14 in use (red and blue at green sites read 3 rows beyond their own), rounded up to a power of 2. */
    private static final int RING = 16;
    private static final int LARGEST_OFFSET = 4;
    /** The most intermediate rows one stage uses (green at red and blue sites). */
    private static final int SCRATCH_ROWS = 9;

    private final int width;
    private final int stride;
    private final CfaPattern pattern;
    private final int[] mirroredColumns;
    private final Plane cfa;
    private final Plane verticalEnergy;
    private final Plane horizontalEnergy;
    private final Plane cardinalDirection;
    private final Plane lowPass;
    private final Plane alongPEnergy;
    private final Plane alongQEnergy;
    private final Plane diagonalDirection;
    private final Plane red;
    private final Plane green;
    private final Plane blue;
    private final Plane[] colours;
    /** Intermediate rows of a stage's formula. */
    private final float[][] scratch;
    /** Image row of step 0, unmirrored (row -1 is image row 1); window column c is image column c - MARGIN. */
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
        // each with the column offsets its readers need
        cfa = new Plane(stride, -4, -3, -2, -1, 1, 2, 3, 4);
        verticalEnergy = new Plane(stride);
        horizontalEnergy = new Plane(stride, -1, 1);
        cardinalDirection = new Plane(stride, -1, 1);
        lowPass = new Plane(stride, -2, 2);
        alongPEnergy = new Plane(stride, -1, 1);
        alongQEnergy = new Plane(stride, -1, 1);
        diagonalDirection = new Plane(stride, -1, 1);
        red = new Plane(stride, -3, -1, 1, 3);
        green = new Plane(stride, -2, -1, 1, 2);
        blue = new Plane(stride, -3, -1, 1, 3);
        colours = new Plane[] {red, green, blue};
        scratch = new float[SCRATCH_ROWS][stride];
    }

    /**
     * Demosaics image rows {@code [fromRow, toRow)} into {@code rgb}. Step {@code v} reads row {@code v} of the rows
     * {@code [fromRow - MARGIN, toRow + MARGIN)}, and each stage then computes its row {@code v - lag}, if that is
     * no nearer the first row than its lag: what it reads there has been computed.
     */
    void demosaic(float[] mosaic, int height, int fromRow, int toRow, float[][] rgb) {
        originRow = fromRow - MARGIN;
        int steps = toRow - fromRow + 2 * MARGIN;
        for (int v = 0; v < steps; v++) {
            load(mosaic, height, v);
            if (ready(v, VERTICAL_ENERGY_LAG)) {
                verticalEnergies(v - VERTICAL_ENERGY_LAG);
            }
            if (ready(v, DIAGONAL_ENERGY_LAG)) {
                diagonalEnergies(v - DIAGONAL_ENERGY_LAG);
            }
            if (ready(v, HORIZONTAL_ENERGY_LAG)) {
                horizontalEnergies(v - HORIZONTAL_ENERGY_LAG);
            }
            if (ready(v, DIRECTION_LAG)) {
                cardinalDirections(v - DIRECTION_LAG);
                diagonalDirections(v - DIRECTION_LAG);
            }
            if (ready(v, LOW_PASS_LAG)) {
                lowPasses(v - LOW_PASS_LAG);
            }
            if (ready(v, GREEN_LAG)) {
                greenAtRedBlue(v - GREEN_LAG);
            }
            if (ready(v, RED_BLUE_AT_BLUE_RED_LAG)) {
                redBlueAtBlueRed(v - RED_BLUE_AT_BLUE_RED_LAG);
            }
            if (ready(v, MARGIN)) {
                redBlueAtGreen(v - MARGIN);
                store(rgb, v - MARGIN);
            }
        }
    }

    /** Whether a stage {@code lag} rows behind step {@code v} has a row to compute: one at least {@code lag} rows in. */
    private static boolean ready(int v, int lag) {
        return v - lag >= lag;
    }

    /**
     * Copies row {@code r} of the mosaic, mirrored at the frame's edges, clipped to [0, 1] (the ratios assume
     * non-negative data; NaN reads as 0), and sets each site's own colour.
     */
    private void load(float[] mosaic, int height, int r) {
        int source = mirror(originRow + r, height) * width;
        float[] row = cfa.row(r);
        for (int x = 0; x < width; x++) {
            float v = mosaic[source + x];
            row[MARGIN + x] = v >= 0f ? Math.min(v, 1f) : 0f;
        }
        for (int c = 0; c < MARGIN; c++) {
            row[c] = row[MARGIN + mirroredColumns[c]];
            row[MARGIN + width + c] = row[MARGIN + mirroredColumns[MARGIN + c]];
        }
        cfa.publish(r);
        int y = originRow + r;
        for (int c = 0; c < 2; c++) {
            int colour = pattern.colourAt(y, c);
            float[] own = colours[colour].row(r);
            for (int i = c; i < stride; i += 2) {
                own[i] = row[i];
            }
            // red or blue is read beside its own sites before the other's are filled (redBlueAtBlueRed)
            if (colour != CfaPattern.GREEN) {
                colours[colour].publish(r);
            }
        }
    }

    /**
     * Vertical against horizontal: the energy of a 7-tap high-pass filter, summed over three neighbours along
     * the filter's axis; 0 means "interpolate vertically", 1 "horizontally". Needed at every site.
     */
    private void verticalEnergies(int r) {
        highPassEnergies(cfa.row(r - 3), cfa.row(r - 2), cfa.row(r - 1), cfa.row(r), cfa.row(r + 1), cfa.row(r + 2),
                cfa.row(r + 3), 0, stride, verticalEnergy.row(r));
    }

    private void horizontalEnergies(int r) {
        highPassEnergies(cfa.at(r, -3), cfa.at(r, -2), cfa.at(r, -1), cfa.row(r), cfa.at(r, 1), cfa.at(r, 2),
                cfa.at(r, 3), 3, stride - 3, horizontalEnergy.row(r));
        horizontalEnergy.publish(r);
    }

    /** As the cardinal energies, along the two diagonals (read at red and blue sites, whose diagonals are blue and red). */
    private void diagonalEnergies(int r) {
        // along p, down and right
        highPassEnergies(cfa.at(r - 3, -3), cfa.at(r - 2, -2), cfa.at(r - 1, -1), cfa.row(r), cfa.at(r + 1, 1),
                cfa.at(r + 2, 2), cfa.at(r + 3, 3), 3, stride - 3, alongPEnergy.row(r));
        // along q, down and left
        highPassEnergies(cfa.at(r - 3, 3), cfa.at(r - 2, 2), cfa.at(r - 1, 1), cfa.row(r), cfa.at(r + 1, -1),
                cfa.at(r + 2, -2), cfa.at(r + 3, -3), 3, stride - 3, alongQEnergy.row(r));
        alongPEnergy.publish(r);
        alongQEnergy.publish(r);
    }

    /**
     * The squared x[-3] + x[3] - x[-1] - x[1] - 3 (x[-2] + x[2]) + 6 x[0], in this order of operations, in two
     * loops: with variable bounds the JIT vectorises a loop of up to about six arrays, not one of eight.
     */
    private static void highPassEnergies(float[] minus3, float[] minus2, float[] minus1, float[] centre, float[] plus1,
                                         float[] plus2, float[] plus3, int from, int to, float[] out) {
        for (int c = from; c < to; c++) {
            out[c] = minus3[c] + plus3[c] - minus1[c] - plus1[c];
        }
        for (int c = from; c < to; c++) {
            float h = out[c] - 3 * (minus2[c] + plus2[c]) + 6 * centre[c];
            out[c] = h * h;
        }
    }

    private void cardinalDirections(int r) {
        directions(verticalEnergy.row(r - 1), verticalEnergy.row(r), verticalEnergy.row(r + 1),
                horizontalEnergy.at(r, -1), horizontalEnergy.row(r), horizontalEnergy.at(r, 1), cardinalDirection.row(r));
        cardinalDirection.publish(r);
    }

    private void diagonalDirections(int r) {
        directions(alongPEnergy.at(r - 1, -1), alongPEnergy.row(r), alongPEnergy.at(r + 1, 1),
                alongQEnergy.at(r - 1, 1), alongQEnergy.row(r), alongQEnergy.at(r + 1, -1), diagonalDirection.row(r));
        diagonalDirection.publish(r);
    }

    /** The first axis's energy, three neighbours summed, over both axes' sums: 0 favours the first axis. */
    private void directions(float[] a1, float[] a2, float[] a3, float[] b1, float[] b2, float[] b3, float[] out) {
        for (int c = 4, end = stride - 4; c < end; c++) {
            float a = Math.max(EPS_SQ, a1[c] + a2[c] + a3[c]);
            float b = Math.max(EPS_SQ, b1[c] + b2[c] + b3[c]);
            out[c] = a / (a + b);
        }
    }

    /** A 3 x 3 low-pass of the mosaic (read at red and blue sites): the level the green ratios are corrected by. */
    private void lowPasses(int r) {
        float[] out = lowPass.row(r);
        float[] here = cfa.row(r);
        float[] north = cfa.row(r - 1);
        float[] south = cfa.row(r + 1);
        float[] west = cfa.at(r, -1);
        float[] east = cfa.at(r, 1);
        float[] northWest = cfa.at(r - 1, -1);
        float[] northEast = cfa.at(r - 1, 1);
        float[] southWest = cfa.at(r + 1, -1);
        float[] southEast = cfa.at(r + 1, 1);
        // in two loops of few arrays each, as highPassEnergies
        for (int c = 1, end = stride - 1; c < end; c++) {
            out[c] = 0.25f * here[c] + 0.125f * (north[c] + south[c] + west[c] + east[c]);
        }
        for (int c = 1, end = stride - 1; c < end; c++) {
            out[c] = out[c] + 0.0625f * (northWest[c] + northEast[c] + southWest[c] + southEast[c]);
        }
        lowPass.publish(r);
    }

    private void greenAtRedBlue(int r) {
        int from = 5;
        int to = stride - 5;
        float[] north = scratch[0];
        float[] south = scratch[1];
        float[] west = scratch[2];
        float[] east = scratch[3];
        float[] vertical = scratch[4];
        float[] horizontal = scratch[5];
        float[] direction = scratch[6];
        float[] estimateA = scratch[7];
        float[] estimateB = scratch[8];
        float[] centre = cfa.row(r);
        gradient(cfa.row(r - 1), cfa.row(r + 1), centre, cfa.row(r - 2), cfa.row(r - 3), cfa.row(r - 4), from, to, north);
        gradient(cfa.row(r + 1), cfa.row(r - 1), centre, cfa.row(r + 2), cfa.row(r + 3), cfa.row(r + 4), from, to, south);
        gradient(cfa.at(r, -1), cfa.at(r, 1), centre, cfa.at(r, -2), cfa.at(r, -3), cfa.at(r, -4), from, to, west);
        gradient(cfa.at(r, 1), cfa.at(r, -1), centre, cfa.at(r, 2), cfa.at(r, 3), cfa.at(r, 4), from, to, east);
        float[] level = lowPass.row(r);
        ratioCorrected(cfa.row(r - 1), level, lowPass.row(r - 2), from, to, estimateA);
        ratioCorrected(cfa.row(r + 1), level, lowPass.row(r + 2), from, to, estimateB);
        weightedByOtherSide(north, south, estimateA, estimateB, from, to, vertical);
        ratioCorrected(cfa.at(r, -1), level, lowPass.at(r, -2), from, to, estimateA);
        ratioCorrected(cfa.at(r, 1), level, lowPass.at(r, 2), from, to, estimateB);
        weightedByOtherSide(west, east, estimateA, estimateB, from, to, horizontal);
        refine(cardinalDirection, r, from, to, direction);
        float[] out = north;
        for (int c = from; c < to; c++) {
            out[c] = direction[c] * horizontal[c] + (1 - direction[c]) * vertical[c];
        }
        keepSites(out, green.row(r), firstRedBlue(r, from), to);
        green.publish(r);
    }

    /**
     * One side's gradient at a red or blue site: EPS + |near - opposite| + |centre - far| + |near - farther| +
     * |far - farthest|, where near, far, farther and farthest lie 1 to 4 sites out on that side and opposite 1 site
     * out on the other (|a - b| and |b - a| are the same float).
     */
    private static void gradient(float[] near, float[] opposite, float[] centre, float[] far, float[] farther,
                                 float[] farthest, int from, int to, float[] out) {
        twoSteps(near, opposite, centre, far, from, to, out);
        addTwoSteps(out, near, farther, far, farthest, from, to, out);
    }

    /** EPS + |a - b| + |c - d|. */
    private static void twoSteps(float[] a, float[] b, float[] c, float[] d, int from, int to, float[] out) {
        for (int i = from; i < to; i++) {
            out[i] = EPS + Math.abs(a[i] - b[i]) + Math.abs(c[i] - d[i]);
        }
    }

    /** sum + |a - b| + |c - d|. */
    private static void addTwoSteps(float[] sum, float[] a, float[] b, float[] c, float[] d, int from, int to,
                                    float[] out) {
        for (int i = from; i < to; i++) {
            out[i] = sum[i] + Math.abs(a[i] - b[i]) + Math.abs(c[i] - d[i]);
        }
    }

    /** A green neighbour scaled by how much brighter the low-pass level is here than at the neighbour's far side. */
    private static void ratioCorrected(float[] neighbour, float[] level, float[] farLevel, int from, int to,
                                       float[] out) {
        for (int c = from; c < to; c++) {
            out[c] = neighbour[c] * (1 + (level[c] - farLevel[c]) / (EPS + level[c] + farLevel[c]));
        }
    }

    /** The estimates from two opposite sides, each weighted by the other side's gradient: the smoother side counts more. */
    private static void weightedByOtherSide(float[] gradientA, float[] gradientB, float[] estimateA, float[] estimateB,
                                            int from, int to, float[] out) {
        for (int c = from; c < to; c++) {
            out[c] = (gradientB[c] * estimateA[c] + gradientA[c] * estimateB[c]) / (gradientA[c] + gradientB[c]);
        }
    }

    /** Red at blue sites and blue at red sites: green plus the diagonal neighbours' colour difference. */
    private void redBlueAtBlueRed(int r) {
        int from = 7;
        int to = stride - 7;
        int first = firstRedBlue(r, from);
        Plane x = colours[CfaPattern.RED + CfaPattern.BLUE - pattern.colourAt(originRow + r, first)];
        float[] g = green.row(r);
        float[] northWest = scratch[0];
        float[] northEast = scratch[1];
        float[] southWest = scratch[2];
        float[] southEast = scratch[3];
        float[] alongP = scratch[4];
        float[] alongQ = scratch[5];
        float[] direction = scratch[6];
        float[] xNorthWest = x.at(r - 1, -1);
        float[] xNorthEast = x.at(r - 1, 1);
        float[] xSouthWest = x.at(r + 1, -1);
        float[] xSouthEast = x.at(r + 1, 1);
        diagonalGradient(xNorthWest, xSouthEast, x.at(r - 3, -3), g, green.at(r - 2, -2), from, to, northWest);
        diagonalGradient(xNorthEast, xSouthWest, x.at(r - 3, 3), g, green.at(r - 2, 2), from, to, northEast);
        diagonalGradient(xSouthWest, xNorthEast, x.at(r + 3, -3), g, green.at(r + 2, -2), from, to, southWest);
        diagonalGradient(xSouthEast, xNorthWest, x.at(r + 3, 3), g, green.at(r + 2, 2), from, to, southEast);
        differenceMean(northWest, southEast, xNorthWest, green.at(r - 1, -1), xSouthEast, green.at(r + 1, 1),
                from, to, alongP);
        differenceMean(northEast, southWest, xNorthEast, green.at(r - 1, 1), xSouthWest, green.at(r + 1, -1),
                from, to, alongQ);
        refine(diagonalDirection, r, from, to, direction);
        float[] out = northWest;
        for (int c = from; c < to; c++) {
            out[c] = g[c] + (1 - direction[c]) * alongP[c] + direction[c] * alongQ[c];
        }
        keepSites(out, x.row(r), first, to);
        x.publish(r);
    }

    /** EPS + |near - opposite| + |near - far| + |green here - green far|, toward one diagonal neighbour. */
    private static void diagonalGradient(float[] near, float[] opposite, float[] far, float[] green,
                                         float[] greenFar, int from, int to, float[] out) {
        twoSteps(near, opposite, near, far, from, to, out);
        for (int c = from; c < to; c++) {
            out[c] = out[c] + Math.abs(green[c] - greenFar[c]);
        }
    }

    /**
     * The colour differences (colour minus green) of two opposite neighbours, each weighted by the other side's
     * gradient.
     */
    private static void differenceMean(float[] gradientA, float[] gradientB, float[] colourA, float[] greenA,
                                       float[] colourB, float[] greenB, int from, int to, float[] out) {
        for (int c = from; c < to; c++) {
            out[c] = (gradientA[c] * (colourB[c] - greenB[c]) + gradientB[c] * (colourA[c] - greenA[c]))
                    / (gradientA[c] + gradientB[c]);
        }
    }

    /** Red and blue at green sites: green plus the cardinal neighbours' colour difference. */
    private void redBlueAtGreen(int r) {
        int from = MARGIN;
        int to = stride - MARGIN;
        float[] g = green.row(r);
        float[] north = scratch[0];
        float[] south = scratch[1];
        float[] west = scratch[2];
        float[] east = scratch[3];
        float[] direction = scratch[4];
        float[] gradientA = scratch[5];
        float[] gradientB = scratch[6];
        greenStep(g, green.row(r - 2), from, to, north);
        greenStep(g, green.row(r + 2), from, to, south);
        greenStep(g, green.at(r, -2), from, to, west);
        greenStep(g, green.at(r, 2), from, to, east);
        refine(cardinalDirection, r, from, to, direction);
        int first = firstRedBlue(r, MARGIN) == MARGIN ? MARGIN + 1 : MARGIN;
        for (Plane x : new Plane[] {red, blue}) {
            float[] vertical = scratch[7];
            float[] horizontal = scratch[8];
            differenceAtGreenSite(north, south, x.row(r - 1), x.row(r + 1), x.row(r - 3), x.row(r + 3),
                    green.row(r - 1), green.row(r + 1), from, to, gradientA, gradientB, vertical);
            differenceAtGreenSite(west, east, x.at(r, -1), x.at(r, 1), x.at(r, -3), x.at(r, 3), green.at(r, -1),
                    green.at(r, 1), from, to, gradientA, gradientB, horizontal);
            // vertical's row is free once read: it takes the result
            for (int c = from; c < to; c++) {
                vertical[c] = g[c] + (1 - direction[c]) * vertical[c] + direction[c] * horizontal[c];
            }
            keepSites(vertical, x.row(r), first, to);
        }
    }

    /** EPS + |green here - green two sites out| on one side. */
    private static void greenStep(float[] g, float[] far, int from, int to, float[] out) {
        for (int c = from; c < to; c++) {
            out[c] = EPS + Math.abs(g[c] - far[c]);
        }
    }

    /**
     * Along one axis at a green site, colour x's differences from green at the two neighbours, each weighted by the
     * gradient on the other side: the green step plus x's steps between the neighbours and beyond them.
     */
    private static void differenceAtGreenSite(float[] stepA, float[] stepB, float[] xA, float[] xB, float[] xBeyondA,
                                              float[] xBeyondB, float[] greenA, float[] greenB, int from, int to,
                                              float[] gradientA, float[] gradientB, float[] out) {
        addTwoSteps(stepA, xA, xB, xA, xBeyondA, from, to, gradientA);
        addTwoSteps(stepB, xB, xA, xB, xBeyondB, from, to, gradientB);
        differenceMean(gradientA, gradientB, xA, greenA, xB, greenB, from, to, out);
    }

    /** Copies every other value of a computed row, from column {@code first} to {@code end}, into {@code to}. */
    private static void keepSites(float[] computed, float[] to, int first, int end) {
        for (int c = first; c < end; c += 2) {
            to[c] = computed[c];
        }
    }

    private void store(float[][] rgb, int r) {
        int target = (originRow + r) * width;
        for (int c = 0; c < 3; c++) {
            float[] to = rgb[c];
            // copied, then clipped where it lies: one index for load and store, which the JIT vectorises
            System.arraycopy(colours[c].row(r), MARGIN, to, target, width);
            for (int i = target, end = target + width; i < end; i++) {
                to[i] = Math.max(0f, Math.min(1f, to[i]));
            }
        }
    }

    /**
     * Each site's direction, or the mean of its four diagonal neighbours' when that is more decided (further from
     * 0.5). A select by arithmetic, which the JIT vectorises where it would not a branch: directions lie in [0, 1], so
     * both distances from 0.5 are multiples of 2^-25 and their difference is 0 or at least 2^-25, which SELECT scales
     * to 1 or more: the weight is exactly 0 or 1.
     */
    private static void refine(Plane directions, int r, int from, int to, float[] out) {
        refine(directions.row(r), directions.at(r - 1, -1), directions.at(r - 1, 1), directions.at(r + 1, -1),
                directions.at(r + 1, 1), from, to, out);
    }

    private static void refine(float[] centre, float[] northWest, float[] northEast, float[] southWest,
                               float[] southEast, int from, int to, float[] out) {
        for (int c = from; c < to; c++) {
            float here = centre[c];
            float neighbours = 0.25f * (northWest[c] + northEast[c] + southWest[c] + southEast[c]);
            float neighboursMoreDecided = Math.min(1f, Math.max(0f,
                    (Math.abs(0.5f - neighbours) - Math.abs(0.5f - here)) * SELECT));
            out[c] = neighboursMoreDecided * neighbours + (1 - neighboursMoreDecided) * here;
        }
    }

    /** Offset of the first red or blue site at or after column {@code from} in row {@code r}. */
    private int firstRedBlue(int r, int from) {
        return pattern.colourAt(originRow + r, from) == CfaPattern.GREEN ? from + 1 : from;
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

    /**
     * A plane's last {@link #RING} rows, each an array of its own, and copies of them shifted by the column offsets
     * its readers need: at index c, {@link #at}(r, offset) holds row r's column c + offset.
     */
    private static final class Plane {
        private final int[] offsets;
        private final int[] slotOfOffset = new int[2 * LARGEST_OFFSET + 1];
        private final float[][] rows;
        private final float[][][] shifted;

        Plane(int stride, int... offsets) {
            this.offsets = offsets;
            for (int i = 0; i < offsets.length; i++) {
                slotOfOffset[offsets[i] + LARGEST_OFFSET] = i;
            }
            rows = new float[RING][stride];
            shifted = new float[offsets.length][RING][stride];
        }

        float[] row(int r) {
            return rows[r & (RING - 1)];
        }

        float[] at(int r, int offset) {
            return shifted[slotOfOffset[offset + LARGEST_OFFSET]][r & (RING - 1)];
        }

        /** Makes row r's shifted copies, once its values are final (the far end of each keeps stale values, never read). */
        void publish(int r) {
            float[] row = row(r);
            int stride = row.length;
            for (int i = 0; i < offsets.length; i++) {
                int offset = offsets[i];
                float[] into = shifted[i][r & (RING - 1)];
                if (offset >= 0) {
                    System.arraycopy(row, offset, into, 0, stride - offset);
                } else {
                    System.arraycopy(row, 0, into, -offset, stride + offset);
                }
            }
        }
    }
}
