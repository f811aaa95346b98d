package org.fitsflow.processors.stacking;

/**
 * A rotation by {@code angle} (radians, counter-clockwise) followed by a translation: maps a point of the
 * reference frame to the same star in another frame, x' = cos a x - sin a y + tx, y' = sin a x + cos a y + ty.
 */
public record RigidTransform(double angle, double tx, double ty) {

    public static final RigidTransform IDENTITY = new RigidTransform(0, 0, 0);

    public double mapX(double x, double y) {
        return Math.cos(angle) * x - Math.sin(angle) * y + tx;
    }

    public double mapY(double x, double y) {
        return Math.sin(angle) * x + Math.cos(angle) * y + ty;
    }

    /** The rigid transform that best maps {@code from[i]} onto {@code to[i]} in the least-squares sense (2-D Procrustes). */
    public static RigidTransform fit(double[][] from, double[][] to) {
        int n = from.length;
        double fx = 0;
        double fy = 0;
        double tox = 0;
        double toy = 0;
        for (int i = 0; i < n; i++) {
            fx += from[i][0];
            fy += from[i][1];
            tox += to[i][0];
            toy += to[i][1];
        }
        fx /= n;
        fy /= n;
        tox /= n;
        toy /= n;
        double cross = 0;
        double dot = 0;
        for (int i = 0; i < n; i++) {
            double ax = from[i][0] - fx;
            double ay = from[i][1] - fy;
            double bx = to[i][0] - tox;
            double by = to[i][1] - toy;
            dot += ax * bx + ay * by;
            cross += ax * by - ay * bx;
        }
        double angle = Math.atan2(cross, dot);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new RigidTransform(angle, tox - (c * fx - s * fy), toy - (s * fx + c * fy));
    }
}
