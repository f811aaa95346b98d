package org.fitsflow.processors.calibration;

import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.stats.CfaPattern;

/**
 * The lights' photosite grid, which every calibration frame must share: width, height and Bayer pattern
 * ({@code null} for a mono sensor).
 */
public record SensorLayout(int width, int height, CfaPattern pattern) {

    public SensorLayout {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a sensor has at least 1 x 1 photosites, got " + width + " x " + height);
        }
    }

    /** The layout of lights with this header: a raw mosaic's pattern, or none for mono. */
    public static SensorLayout of(HeaderSummary lights) {
        return new SensorLayout(lights.width(), lights.height(),
                lights.bayerPattern() == null ? null : CfaPattern.parse(lights.bayerPattern()));
    }

    int pixels() {
        return width * height;
    }
}
