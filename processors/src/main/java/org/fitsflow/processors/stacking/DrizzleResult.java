package org.fitsflow.processors.stacking;

/**
 * A drizzled image: per channel the weighted mean of the drops on each output pixel (NaN where none fell), and
 * the weight map, the summed overlap areas times frame weights (in output pixels), which says how well each
 * output pixel is covered. Output pixel (u, v) has its centre at reference-grid point
 * ((u + 0.5) / scale - 0.5, (v + 0.5) / scale - 0.5).
 */
public record DrizzleResult(int width, int height, int firstRow, float[][] planes, float[] weights) {
}
