package org.fitsflow.processors.stacking;

/**
 * Where a frame's pixels land on the drizzle's output grid: the inverse of the registration transform takes a
 * frame pixel's centre to the reference grid, and the scale to output pixels, whose edges lie at integers
 * (output pixel u spans [u, u + 1], so reference pixel x spans [s x, s (x + 1)] around s (x + 0.5)).
 */
final class Drops {
    private final double cos;
    private final double sin;
    private final double tx;
    private final double ty;
    private final double scale;
    private final double half;
    private final int frameWidth;
    private final int frameHeight;

    Drops(RigidTransform referenceToFrame, DrizzleParameters parameters, int frameWidth, int frameHeight) {
        this.cos = Math.cos(referenceToFrame.angle());
        this.sin = Math.sin(referenceToFrame.angle());
        this.tx = referenceToFrame.tx();
        this.ty = referenceToFrame.ty();
        this.scale = parameters.scale();
        this.half = parameters.pixfrac() * parameters.scale() / 2;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
    }

    int frameWidth() {
        return frameWidth;
    }

    int frameHeight() {
        return frameHeight;
    }

    /** Half the side of a drop, in output pixels. */
    double half() {
        return half;
    }

    /** Output column of the centre of frame pixel (i, j). */
    double u(int i, int j) {
        return scale * (cos * (i - tx) + sin * (j - ty) + 0.5);
    }

    /** Output row of the centre of frame pixel (i, j). */
    double v(int i, int j) {
        return scale * (-sin * (i - tx) + cos * (j - ty) + 0.5);
    }

    /**
     * The columns [first, end) of frame row {@code j} whose drop centres fall in output rows (low, high): v is
     * linear along a row, so the range follows from where it crosses the two limits, widened by a column.
     */
    int[] columnsReaching(int j, double low, double high) {
        double slope = -sin * scale;
        double atZero = v(0, j);
        if (Math.abs(slope) < 1e-12) {
            return atZero > low && atZero < high ? new int[] {0, frameWidth} : new int[] {0, 0};
        }
        double a = (low - atZero) / slope;
        double b = (high - atZero) / slope;
        int first = (int) Math.max(0, Math.floor(Math.min(a, b)) - 1);
        int end = (int) Math.min(frameWidth, Math.ceil(Math.max(a, b)) + 2);
        return first < end ? new int[] {first, end} : new int[] {0, 0};
    }
}
