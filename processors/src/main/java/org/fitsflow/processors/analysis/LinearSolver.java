package org.fitsflow.processors.analysis;

/** Gaussian elimination with partial pivoting for the small dense systems of the fits (up to ~10 unknowns). */
public final class LinearSolver {
    private LinearSolver() {
    }

    /**
     * Solves the augmented n x (n + 1) matrix in place; null when the system is singular, which callers
     * treat as "no solution" (too few samples, degenerate geometry).
     */
    public static double[] solve(double[][] augmented) {
        int n = augmented.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(augmented[r][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(augmented[pivot][col]) < 1e-300 || !Double.isFinite(augmented[pivot][col])) {
                return null;
            }
            double[] tmp = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = augmented[r][col] / augmented[col][col];
                for (int c = col; c <= n; c++) {
                    augmented[r][c] -= f * augmented[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = augmented[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= augmented[r][c] * x[c];
            }
            x[r] = sum / augmented[r][r];
        }
        return x;
    }
}
