package org.fitsflow.processors.steps;

/**
 * The neutral green that SCNR caps green at: the mean of red and blue ({@code AVERAGE_NEUTRAL}, gentle, the
 * usual choice) or their maximum ({@code MAXIMUM_NEUTRAL}, removes less).
 */
public enum ScnrMethod {
    AVERAGE_NEUTRAL, MAXIMUM_NEUTRAL;

    public String key() {
        return name().toLowerCase();
    }
}
