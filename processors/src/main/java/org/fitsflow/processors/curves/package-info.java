/**
 * Tone curves of the stretch, as pure functions of a value in [0, 1] already above the black point:
 * {@link org.fitsflow.processors.curves.AsinhCurve} (inverse hyperbolic sine) and
 * {@link org.fitsflow.processors.curves.GeneralisedHyperbolicCurve} (the generalised hyperbolic stretch).
 * The midtones transfer of the STF lives in {@code stats.MidtonesTransfer}. {@link org.fitsflow.processors.curves.CurveStrength}
 * finds the strength of a curve that lands a value (the sky's median) on a target level.
 */
package org.fitsflow.processors.curves;
