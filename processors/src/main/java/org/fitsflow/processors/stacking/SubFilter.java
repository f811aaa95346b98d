package org.fitsflow.processors.stacking;

/**
 * Leaves out subs whose figures are worse than the set's by more than a number of robust standard
 * deviations (1.4826 MAD around the median), as Siril's {@code -filter-wfwhm} and {@code -filter-round}
 * do: a weighted FWHM above the median by more than {@code wfwhmSigma}, or a roundness below it by more
 * than {@code roundnessSigma}. {@code Double.POSITIVE_INFINITY} turns a threshold off.
 */
public record SubFilter(double wfwhmSigma, double roundnessSigma) {
    public static final SubFilter OFF = new SubFilter(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    public SubFilter {
        if (!(wfwhmSigma > 0) || !(roundnessSigma > 0)) {
            throw new IllegalArgumentException("filter thresholds must be positive numbers of sigma, got "
                    + wfwhmSigma + " and " + roundnessSigma);
        }
    }
}
