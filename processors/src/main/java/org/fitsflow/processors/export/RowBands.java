package org.fitsflow.processors.export;

import java.util.stream.IntStream;
import org.fitsflow.processors.parallel.ComputePool;

/** Splits the rows of an image into bands processed in parallel; each band touches its own rows only. */
final class RowBands {
    private static final int ROWS_PER_BAND = 64;

    @FunctionalInterface
    interface Band {
        void rows(int fromRow, int toRow);
    }

    private RowBands() {
    }

    static void forEach(int height, Band band) {
        int bands = (height + ROWS_PER_BAND - 1) / ROWS_PER_BAND;
        ComputePool.run(() -> IntStream.range(0, bands).parallel().forEach(b -> {
            int from = b * ROWS_PER_BAND;
            band.rows(from, Math.min(height, from + ROWS_PER_BAND));
        }));
    }
}
