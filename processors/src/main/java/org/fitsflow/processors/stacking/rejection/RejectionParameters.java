package org.fitsflow.processors.stacking.rejection;

/**
 * Rejection settings.
 *
 * @param algorithm       which test rejects values
 * @param kappaLow        values this many standard deviations below the centre are rejected (sigma,
 *                        winsorized, linear fit)
 * @param kappaHigh       the same above the centre
 * @param iterations      passes per pixel at most (sigma, winsorized, linear fit)
 * @param gesdOutliers    the largest fraction of a pixel's values GESD may reject
 * @param gesdSignificance the test's significance level (alpha)
 */
public record RejectionParameters(RejectionAlgorithm algorithm, double kappaLow, double kappaHigh, int iterations,
                                  double gesdOutliers, double gesdSignificance) {

    public static final RejectionParameters DEFAULTS =
            new RejectionParameters(RejectionAlgorithm.WINSORIZED, 3, 3, 5, 0.3, 0.05);

    public RejectionParameters {
        if (algorithm == null) {
            throw new IllegalArgumentException("rejection algorithm is required");
        }
        if (!(kappaLow >= 0.5 && kappaLow <= 10) || !(kappaHigh >= 0.5 && kappaHigh <= 10)) {
            throw new IllegalArgumentException("kappa must be between 0.5 and 10, got " + kappaLow + " and " + kappaHigh);
        }
        if (iterations < 1 || iterations > 20) {
            throw new IllegalArgumentException("iterations must be 1..20, got " + iterations);
        }
        if (!(gesdOutliers > 0 && gesdOutliers < 1)) {
            throw new IllegalArgumentException("gesd_outliers must be a fraction between 0 and 1, got " + gesdOutliers);
        }
        if (!(gesdSignificance > 0 && gesdSignificance < 0.5)) {
            throw new IllegalArgumentException("gesd_significance must be between 0 and 0.5, got " + gesdSignificance);
        }
    }

    public RejectionParameters withAlgorithm(RejectionAlgorithm newAlgorithm) {
        return new RejectionParameters(newAlgorithm, kappaLow, kappaHigh, iterations, gesdOutliers, gesdSignificance);
    }
}
