package org.fitsflow.processors.fits;

import java.nio.ByteBuffer;

/**
 * Turns a run of big-endian samples into floats. 8-bit data go straight to normalised values through a
 * lookup table; 32 and 64-bit data and floats store physical values that {@link PixelReader} scales once the
 * largest finite value of the whole image is known. 16-bit data are kept as codes ({@link CodeDecoder}).
 */
abstract class SampleDecoder {

    /** What one run of samples contained, merged across the runs of the image. */
    static final class RunStats {
        double largestFinite = Double.NEGATIVE_INFINITY;
        long finiteCount;

        RunStats merge(RunStats other) {
            largestFinite = Math.max(largestFinite, other.largestFinite);
            finiteCount += other.finiteCount;
            return this;
        }
    }

    static SampleDecoder forLayout(ImageLayout layout) {
        return switch (layout.bitpix()) {
            case 8 -> new Table8(Normalisation.table8(layout));
            case 32 -> Normalisation.isUnsigned32(layout) ? new Unsigned32(layout.blank()) : new Int32(layout);
            case 64 -> new Int64(layout);
            case -32 -> new Float32(layout);
            case -64 -> new Float64(layout);
            default -> throw new IllegalArgumentException("BITPIX " + layout.bitpix());
        };
    }

    /** True when the decoded values are physical and still need {@link Normalisation#scaleForLargest}. */
    abstract boolean needsScaling();

    /** Decodes {@code count} samples from {@code src} at byte {@code from} into {@code dst} at {@code at}. */
    abstract void decode(ByteBuffer src, int from, float[] dst, int at, int count, RunStats stats);

    private static final class Table8 extends SampleDecoder {
        private final float[] table;

        Table8(float[] table) {
            this.table = table;
        }

        @Override
        boolean needsScaling() {
            return false;
        }

        @Override
        void decode(ByteBuffer src, int from, float[] dst, int at, int count, RunStats stats) {
            long finite = 0;
            for (int i = 0; i < count; i++) {
                float v = table[src.get(from + i) & 0xFF];
                dst[at + i] = v;
                finite += v == v ? 1 : 0;
            }
            stats.finiteCount += finite;
        }
    }

    private static final class Unsigned32 extends SampleDecoder {
        private final long blank;
        private final boolean hasBlank;

        Unsigned32(Long blank) {
            this.hasBlank = blank != null;
            this.blank = blank == null ? 0 : blank;
        }

        @Override
        boolean needsScaling() {
            return false;
        }

        @Override
        void decode(ByteBuffer src, int from, float[] dst, int at, int count, RunStats stats) {
            long finite = 0;
            for (int i = 0; i < count; i++) {
                int raw = src.getInt(from + 4 * i);
                if (hasBlank && raw == blank) {
                    dst[at + i] = Float.NaN;
                } else {
                    dst[at + i] = (float) ((raw + Normalisation.UINT32_OFFSET) / Normalisation.UINT32_MAX);
                    finite++;
                }
            }
            stats.finiteCount += finite;
        }
    }

    /** Shared by the decoders that produce physical values: BZERO/BSCALE, undefined values, largest value. */
    private abstract static class Physical extends SampleDecoder {
        final double bzero;
        final double bscale;
        final boolean identity;

        Physical(ImageLayout layout) {
            this.bzero = layout.bzero();
            this.bscale = layout.bscale();
            this.identity = bzero == 0.0 && bscale == 1.0;
        }

        @Override
        boolean needsScaling() {
            return true;
        }

        /** Stores one physical value, NaN for non-finite ones; returns the new largest finite value. */
        static double store(float[] dst, int index, double physical, double largest, RunStats stats) {
            float v = (float) physical;
            if (Float.isFinite(v)) {
                dst[index] = v;
                stats.finiteCount++;
                return Math.max(largest, v);
            }
            dst[index] = Float.NaN;
            return largest;
        }
    }

    private static final class Int32 extends Physical {
        private final boolean hasBlank;
        private final long blank;

        Int32(ImageLayout layout) {
            super(layout);
            this.hasBlank = layout.blank() != null;
            this.blank = hasBlank ? layout.blank() : 0;
        }

        @Override
        void decode(ByteBuffer src, int from, float[] dst, int at, int count, RunStats stats) {
            double largest = stats.largestFinite;
            for (int i = 0; i < count; i++) {
                int raw = src.getInt(from + 4 * i);
                largest = hasBlank && raw == blank ? store(dst, at + i, Double.NaN, largest, stats)
                        : store(dst, at + i, bzero + bscale * raw, largest, stats);
            }
            stats.largestFinite = largest;
        }
    }

    private static final class Int64 extends Physical {
        private final boolean hasBlank;
        private final long blank;

        Int64(ImageLayout layout) {
            super(layout);
            this.hasBlank = layout.blank() != null;
            this.blank = hasBlank ? layout.blank() : 0;
        }

        @Override
        void decode(ByteBuffer src, int from, float[] dst, int at, int count, RunStats stats) {
            double largest = stats.largestFinite;
            for (int i = 0; i < count; i++) {
                long raw = src.getLong(from + 8 * i);
                largest = hasBlank && raw == blank ? store(dst, at + i, Double.NaN, largest, stats)
                        : store(dst, at + i, bzero + bscale * raw, largest, stats);
            }
            stats.largestFinite = largest;
        }
    }

    private static final class Float32 extends Physical {
        Float32(ImageLayout layout) {
            super(layout);
        }

        @Override
        void decode(ByteBuffer src, int from, float[] dst, int at, int count, RunStats stats) {
            double largest = stats.largestFinite;
            if (identity) {
                float max = (float) Math.max(largest, -Float.MAX_VALUE);
                long finite = 0;
                for (int i = 0; i < count; i++) {
                    float v = src.getFloat(from + 4 * i);
                    if (Float.isFinite(v)) {
                        dst[at + i] = v;
                        max = Math.max(max, v);
                        finite++;
                    } else {
                        dst[at + i] = Float.NaN;
                    }
                }
                stats.finiteCount += finite;
                stats.largestFinite = finite > 0 ? Math.max(largest, max) : largest;
                return;
            }
            for (int i = 0; i < count; i++) {
                largest = store(dst, at + i, bzero + bscale * src.getFloat(from + 4 * i), largest, stats);
            }
            stats.largestFinite = largest;
        }
    }

    private static final class Float64 extends Physical {
        Float64(ImageLayout layout) {
            super(layout);
        }

        @Override
        void decode(ByteBuffer src, int from, float[] dst, int at, int count, RunStats stats) {
            double largest = stats.largestFinite;
            for (int i = 0; i < count; i++) {
                double raw = src.getDouble(from + 8 * i);
                largest = Double.isFinite(raw) ? store(dst, at + i, bzero + bscale * raw, largest, stats)
                        : store(dst, at + i, Double.NaN, largest, stats);
            }
            stats.largestFinite = largest;
        }
    }
}
