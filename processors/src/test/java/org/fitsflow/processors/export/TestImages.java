package org.fitsflow.processors.export;

import java.util.List;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.image.Image;

/** Small in-memory images whose FITS row 0 is recognisable after a round trip through a file. */
final class TestImages {
    private TestImages() {
    }

    static FitsHeader header(int width, int height, int planes) {
        HeaderSummary summary = new HeaderSummary(width, height, planes, -32, "test", null, null, null, null,
                null, null, null, null, null);
        return new FitsHeader(List.of(), summary);
    }

    /** Row 0 (the bottom) bright, every other row dark. */
    static Image brightFirstRow(int width, int height, int channels) {
        float[][] planes = new float[channels][width * height];
        for (float[] plane : planes) {
            for (int i = 0; i < width * height; i++) {
                plane[i] = i < width ? 1f : 0.05f;
            }
        }
        return new Image(width, height, planes, header(width, height, channels));
    }

    /** Every 16-bit level once, as v / 65535 like a normalised 16-bit FITS frame. */
    static Image allSixteenBitLevels(int channels) {
        float[][] planes = new float[channels][65536];
        for (int c = 0; c < channels; c++) {
            for (int v = 0; v < 65536; v++) {
                // Shift each channel so that a swapped channel order would show.
                planes[c][v] = ((v + c * 1000) % 65536) / 65535f;
            }
        }
        return new Image(256, 256, planes, header(256, 256, channels));
    }
}
