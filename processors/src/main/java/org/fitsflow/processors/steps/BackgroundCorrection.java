package org.fitsflow.processors.steps;

/**
 * How a fitted background model is removed: {@code SUBTRACT} for additive light (light pollution, moon glow),
 * {@code DIVIDE} for multiplicative falloff (vignetting without flats).
 */
public enum BackgroundCorrection {
    SUBTRACT, DIVIDE;

    public String key() {
        return name().toLowerCase();
    }
}
