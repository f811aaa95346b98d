package org.fitsflow.processors.stacking;

/**
 * What the combine yields on the reference grid: the master's planes (NaN where no frame covers), how many
 * frames cover each pixel, and, when asked for, how many values each pixel lost as too low and too high
 * per channel (else null).
 */
record CombinedStack(int width, int height, float[][] planes, short[] coverage, short[][] rejectedLow,
                     short[][] rejectedHigh) {
}
