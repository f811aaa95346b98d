/**
 * Rejection of outlying values pixel by pixel before the mean of a stack: one class per algorithm behind
 * {@link org.fitsflow.processors.stacking.rejection.PixelRejection} (start there, with
 * {@code PixelRejection.of}), working on a reused {@link org.fitsflow.processors.stacking.rejection.PixelStack}.
 */
package org.fitsflow.processors.stacking.rejection;
