package org.fitsflow.processors.stacking;

/**
 * The largest axis-aligned rectangle of the reference grid in which every pixel is covered by more than
 * half of the frames used: the master's frame when {@link Framing#CROP} is asked for. Found row by row as
 * the largest rectangle under the histogram of covered run lengths, with a stack, in one pass over the grid.
 */
record CoverageCrop(int x, int y, int width, int height) {

    static CoverageCrop of(short[] coverage, int width, int height, int frames) {
        int needed = frames / 2 + 1;
        int[] runs = new int[width];
        int[] stack = new int[width + 1];
        CoverageCrop best = new CoverageCrop(0, 0, 0, 0);
        long bestArea = 0;
        for (int row = 0; row < height; row++) {
            for (int x = 0; x < width; x++) {
                runs[x] = coverage[row * width + x] >= needed ? runs[x] + 1 : 0;
            }
            int top = 0;
            for (int x = 0; x <= width; x++) {
                int h = x == width ? 0 : runs[x];
                while (top > 0 && runs[stack[top - 1]] >= h) {
                    int tall = runs[stack[--top]];
                    int left = top == 0 ? 0 : stack[top - 1] + 1;
                    long area = (long) tall * (x - left);
                    if (area > bestArea) {
                        bestArea = area;
                        best = new CoverageCrop(left, row - tall + 1, x - left, tall);
                    }
                }
                stack[top++] = x;
            }
        }
        return best;
    }

    boolean isEmpty() {
        return width == 0 || height == 0;
    }

    float[] apply(float[] plane, int planeWidth) {
        float[] out = new float[width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(plane, (y + row) * planeWidth + x, out, row * width, width);
        }
        return out;
    }
}
