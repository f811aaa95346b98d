package org.fitsflow.processors.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks an 8-bit picture by area averaging: each output pixel is the mean of the source area it covers,
 * partly covered source pixels counted by the part that falls inside. A box filter as wide as the output
 * pixel, so fine detail (a checkerboard, noise) averages out instead of aliasing into moiré as skipped
 * pixels would. The weights are whole numbers (overlaps measured in 1/width of a source pixel across,
 * 1/height down), so the sums are exact and the result does not depend on the order of the rows.
 *
 * <p>Bands of source rows may arrive in any order and from several threads at once (the JPEG encoder's
 * strips). Rows are summed down first, into one source-wide row per output row (a plain multiply-add over
 * contiguous ints, which the JIT vectorises), and each output row is reduced across and rounded once all
 * its source rows are in, by the thread that brought the last of them; then its sums are let go.
 * Samples are averaged as stored (sRGB-encoded), as browsers and image viewers scale, so that a thumbnail
 * looks like the full picture shown at that size.
 */
final class AreaDownscaler {
    private final int sourceWidth;
    private final int sourceHeight;
    private final int channels;
    private final int width;
    private final int height;
    /** Per source column: the output column it starts in and its overlap with it; the rest goes to the next. */
    private final int[] columnTarget;
    private final int[] columnWeight;
    private final int[] rowTarget;
    private final int[] rowWeight;
    private final long area;
    private final long halfArea;
    private final double inverseArea;
    /** Per output row, the weighted sums down each source column so far; null before the first rows and once reduced. */
    private final int[][] pendingRows;
    private final long[] receivedWeight;
    private final byte[] result;
    private int completeRows;

    AreaDownscaler(int sourceWidth, int sourceHeight, int channels, int width, int height) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("thumbnails are grey or RGB, not " + channels + " channels");
        }
        if (width < 1 || height < 1 || width > sourceWidth || height > sourceHeight) {
            throw new IllegalArgumentException("can only shrink " + sourceWidth + " x " + sourceHeight + " to at least 1 x 1, not to "
                    + width + " x " + height);
        }
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.channels = channels;
        this.width = width;
        this.height = height;
        this.columnTarget = new int[sourceWidth];
        this.columnWeight = new int[sourceWidth];
        overlaps(sourceWidth, width, columnTarget, columnWeight);
        this.rowTarget = new int[sourceHeight];
        this.rowWeight = new int[sourceHeight];
        overlaps(sourceHeight, height, rowTarget, rowWeight);
        this.area = (long) sourceWidth * sourceHeight;
        this.halfArea = area / 2;
        this.inverseArea = 1.0 / area;
        this.pendingRows = new int[height][];
        this.receivedWeight = new long[height];
        this.result = new byte[width * height * channels];
    }

    /**
     * Source pixel i spans [i n, (i + 1) n) and output pixel j spans [j N, (j + 1) N) in units of 1/n of a
     * source pixel (N source pixels, n output pixels, n <= N): a source pixel meets one output pixel or two.
     */
    private static void overlaps(int sourceLength, int length, int[] target, int[] weight) {
        for (int i = 0; i < sourceLength; i++) {
            long start = (long) i * length;
            int j = (int) (start / sourceLength);
            target[i] = j;
            weight[i] = (int) (Math.min(start + length, (long) (j + 1) * sourceLength) - start);
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Adds source rows {@code [top, top + count)}: interleaved samples ({@code channels} per pixel), row r
     * starting at {@code samples[offset + r * stride]}.
     */
    void add(int top, int count, byte[] samples, int offset, int stride) {
        if (count <= 0) {
            return;
        }
        int first = rowTarget[top];
        int last = Math.min(height - 1, rowTarget[top + count - 1] + 1);
        int rowLength = sourceWidth * channels;
        // a sum holds at most 255 x sourceHeight (the row weights of one output row add up to sourceHeight): an int
        int[][] sums = new int[last - first + 1][];
        long[] weights = new long[sums.length];
        int[] widened = new int[rowLength];
        for (int r = 0; r < count; r++) {
            int y = top + r;
            int local = rowTarget[y] - first;
            int weight = rowWeight[y];
            int rest = height - weight;
            // widened first, so that the loops below multiply ints by ints, which the JIT turns into vector
            // instructions (a byte-to-int product in the same loop it does not): a third of the time
            int from = offset + r * stride;
            for (int i = 0; i < rowLength; i++) {
                widened[i] = samples[from + i] & 0xFF;
            }
            addTimes(row(sums, local, rowLength), widened, weight);
            weights[local] += weight;
            if (rest > 0) {
                addTimes(row(sums, local + 1, rowLength), widened, rest);
                weights[local + 1] += rest;
            }
        }
        for (int row : merge(first, sums, weights)) {
            reduceAcross(row);
        }
    }

    private static void addTimes(int[] sum, int[] values, int weight) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i] * weight;
        }
    }

    private static int[] row(int[][] sums, int local, int length) {
        if (sums[local] == null) {
            sums[local] = new int[length];
        }
        return sums[local];
    }

    /** Adds a band's sums to the pending rows; returns the rows it completed, for this thread to reduce. */
    private synchronized List<Integer> merge(int first, int[][] sums, long[] weights) {
        List<Integer> completed = new ArrayList<>();
        for (int i = 0; i < sums.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            int row = first + i;
            if (pendingRows[row] == null) {
                pendingRows[row] = sums[i];
            } else {
                int[] pending = pendingRows[row];
                for (int k = 0; k < pending.length; k++) {
                    pending[k] += sums[i][k];
                }
            }
            receivedWeight[row] += weights[i];
            if (receivedWeight[row] == sourceHeight) {
                completed.add(row);
            }
        }
        return completed;
    }

    /** Output row {@code row}, all of whose source rows are in: weighted across, divided by the area, rounded half up. */
    private void reduceAcross(int row) {
        int[] down;
        synchronized (this) {
            down = pendingRows[row];
            pendingRows[row] = null;
        }
        if (channels == 3) {
            acrossColour(down, row * width * 3);
        } else {
            acrossGrey(down, row * width);
        }
        synchronized (this) {
            completeRows++;
        }
    }

    /**
     * (sum + area / 2) / area, the mean rounded half up, without a 64-bit division per sample. The product by
     * the reciprocal is within 2^-44 of the quotient, while a quotient that is not a whole number is at least
     * 1 / area (>= 2^-32) away from one: so it can only fall just short of an exact whole quotient, which the
     * test below puts right.
     */
    private byte roundedMean(long sum) {
        long n = sum + halfArea;
        long mean = (long) (n * inverseArea);
        return (byte) ((mean + 1) * area <= n ? mean + 1 : mean);
    }

    /**
     * Each source column's share goes to the output column it starts in and the rest of its width to the next:
     * the sums of the current output column and of the next are carried in variables (no array to update in
     * place), and a column is written out when the source moves past it. Output columns advance by at most
     * one per source column, since the picture only shrinks.
     */
    private void acrossGrey(int[] down, int at) {
        long current = 0;
        long next = 0;
        int column = 0;
        for (int x = 0; x < sourceWidth; x++) {
            if (columnTarget[x] != column) {
                result[at + column] = roundedMean(current);
                current = next;
                next = 0;
                column++;
            }
            long value = down[x];
            long first = value * columnWeight[x];
            current += first;
            next += value * width - first;
        }
        result[at + column] = roundedMean(current);
    }

    /** As {@link #acrossGrey}, three samples a pixel: the hottest loop of a thumbnail. */
    private void acrossColour(int[] down, int at) {
        long red = 0;
        long green = 0;
        long blue = 0;
        long nextRed = 0;
        long nextGreen = 0;
        long nextBlue = 0;
        int out = at;
        for (int x = 0, from = 0; x < sourceWidth; x++, from += 3) {
            if (columnTarget[x] * 3 + at != out) {
                result[out] = roundedMean(red);
                result[out + 1] = roundedMean(green);
                result[out + 2] = roundedMean(blue);
                red = nextRed;
                green = nextGreen;
                blue = nextBlue;
                nextRed = 0;
                nextGreen = 0;
                nextBlue = 0;
                out += 3;
            }
            long weight = columnWeight[x];
            long r = down[from];
            long g = down[from + 1];
            long b = down[from + 2];
            long firstRed = r * weight;
            long firstGreen = g * weight;
            long firstBlue = b * weight;
            red += firstRed;
            green += firstGreen;
            blue += firstBlue;
            nextRed += r * width - firstRed;
            nextGreen += g * width - firstGreen;
            nextBlue += b * width - firstBlue;
        }
        result[out] = roundedMean(red);
        result[out + 1] = roundedMean(green);
        result[out + 2] = roundedMean(blue);
    }

    /** The shrunk picture, interleaved, top row first. */
    synchronized byte[] result() {
        if (completeRows != height) {
            throw new IllegalStateException("only " + completeRows + " of " + height + " thumbnail rows have all their source rows");
        }
        return result;
    }
}
