package org.fitsflow.processors.stacking;

import java.util.List;
import java.util.Optional;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.Image;

/**
 * Turns the combine's planes into the stack's result as the framing says: cropped to the area most subs
 * cover ({@link CoverageCrop}), or the whole reference grid with its coverage map; the rejection maps, when
 * made, framed the same way; the master's header (of a drizzle, its finer grid's: {@link DrizzleGridHeader})
 * and HISTORY.
 */
final class MasterFraming {
    private MasterFraming() {
    }

    static StackResult result(CombinedStack combined, SubMeasurement reference, List<SubMeasurement> used,
                              List<StackedFrame> frames, StackingParameters parameters) {
        int width = combined.width();
        int height = combined.height();
        CoverageCrop crop = parameters.framing() == Framing.CROP
                ? CoverageCrop.of(combined.coverage(), width, height, used.size()) : null;
        if (crop != null && crop.isEmpty()) {
            crop = null;
        }
        int outWidth = crop == null ? width : crop.width();
        int outHeight = crop == null ? height : crop.height();
        FitsHeader grid = parameters.drizzle().map(d -> DrizzleGridHeader.of(reference.header(), d.scale()))
                .orElse(reference.header());
        FitsHeader header = MasterHeader.of(grid, used, outWidth, outHeight, combined.planes().length, crop);
        Image master = new Image(outWidth, outHeight, framed(combined.planes(), width, crop), header);
        Optional<Image> coverage = crop != null ? Optional.empty()
                : Optional.of(new Image(width, height, new float[][] {counts(combined.coverage())}, header));
        Optional<Image> low = map(combined.rejectedLow(), width, crop, outWidth, outHeight, header);
        Optional<Image> high = map(combined.rejectedHigh(), width, crop, outWidth, outHeight, header);
        List<String> history = StackHistory.lines(parameters, reference.file().getFileName().toString(), frames, crop);
        return new StackResult(master, reference.file(), frames, history, coverage, low, high, Optional.empty());
    }

    private static float[][] framed(float[][] planes, int width, CoverageCrop crop) {
        if (crop == null) {
            return planes;
        }
        float[][] out = new float[planes.length][];
        for (int c = 0; c < planes.length; c++) {
            out[c] = crop.apply(planes[c], width);
            planes[c] = null; // the uncropped plane is garbage from here on: let it go before the next copy
        }
        return out;
    }

    private static Optional<Image> map(short[][] counts, int width, CoverageCrop crop, int outWidth, int outHeight,
                                       FitsHeader header) {
        if (counts == null) {
            return Optional.empty();
        }
        float[][] planes = new float[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            planes[c] = counts(counts[c]);
        }
        return Optional.of(new Image(outWidth, outHeight, framed(planes, width, crop), header));
    }

    private static float[] counts(short[] counts) {
        float[] out = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }
}
