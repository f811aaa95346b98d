package org.fitsflow.processors.fits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.fitsflow.processors.image.CodedPlanes;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * Streams the pixel data of one image HDU straight into normalised float planes, or for 16-bit data into
 * {@link CodedPlanes} (the raw words, with the normalised value of each), holding no more than the planes
 * plus small buffers. A plain file is split into one contiguous range per task and every task reads
 * its range with positional reads and converts it, so that copying from the page cache runs on all cores
 * too. A stream (gzip, decompressed tiles) is read in big chunks, each converted by all cores.
 */
final class PixelReader {
    private static final int CHUNK_BYTES = 8 << 20;
    private static final int SLICE_BYTES = 256 << 10;
    private static final int MIN_SAMPLES_PER_TASK = 1 << 16;

    private final ImageLayout layout;
    private final Destination destination;
    private final int planePixels;
    private final int bytesPerSample;

    private PixelReader(ImageLayout layout) {
        this.layout = layout;
        this.planePixels = (int) layout.planePixels();
        this.bytesPerSample = layout.bytesPerSample();
        this.destination = readsCodes(layout) ? new Words(layout) : new Floats(layout);
    }

    /** Whether this layout's pixels are read as {@link CodedPlanes} (16-bit words) rather than floats. */
    static boolean readsCodes(ImageLayout layout) {
        return layout.bitpix() == 16;
    }

    /** Reads the data the input is positioned at; the layout must have passed the size checks. */
    static Image read(FitsInput input, ImageLayout layout, FitsHeader header) throws IOException {
        PixelReader reader = new PixelReader(layout);
        SampleDecoder.RunStats stats = input instanceof FileInput file ? reader.readRanges(file) : reader.readChunks(input);
        if (stats.finiteCount == 0) {
            throw new InvalidFitsException("image has no finite pixel: every pixel is NaN, infinite or BLANK");
        }
        return reader.destination.image(layout, header, stats);
    }

    private SampleDecoder.RunStats readRanges(FileInput file) throws IOException {
        long dataStart = file.position();
        long samples = layout.samples();
        int tasks = taskCount(samples);
        try {
            SampleDecoder.RunStats stats = ComputePool.get(() -> IntStream.range(0, tasks).parallel()
                    .mapToObj(t -> readRange(file, dataStart, samples * t / tasks, samples * (t + 1) / tasks))
                    .reduce(SampleDecoder.RunStats::merge)
                    .orElseGet(SampleDecoder.RunStats::new));
            file.skip(layout.dataBytes());
            return stats;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private SampleDecoder.RunStats readRange(FileInput file, long dataStart, long from, long to) {
        SampleDecoder.RunStats stats = new SampleDecoder.RunStats();
        ByteBuffer slice = ByteBuffer.allocate((int) Math.min(SLICE_BYTES, (to - from) * bytesPerSample));
        int samplesPerSlice = slice.capacity() / bytesPerSample;
        try {
            for (long sample = from; sample < to; sample += samplesPerSlice) {
                int count = (int) Math.min(samplesPerSlice, to - sample);
                slice.clear().limit(count * bytesPerSample);
                // The size was checked against the file before; it can still shrink while being read.
                if (file.readAt(slice, dataStart + sample * bytesPerSample) < slice.limit()) {
                    throw new InvalidFitsException("data truncated: the file became shorter while it was read");
                }
                decodeRun(slice, sample, 0, count, stats);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stats;
    }

    private SampleDecoder.RunStats readChunks(FitsInput input) throws IOException {
        long total = layout.dataBytes();
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, total));
        SampleDecoder.RunStats stats = new SampleDecoder.RunStats();
        long done = 0;
        while (done < total) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), total - done));
            int wanted = chunk.limit();
            int n = input.readFully(chunk);
            if (n < wanted) {
                throw new InvalidFitsException("data truncated: header declares " + total + " bytes of pixel data, the "
                        + input.description() + " holds " + (done + n));
            }
            stats.merge(decodeChunk(chunk, done / bytesPerSample, wanted / bytesPerSample));
            done += wanted;
        }
        return stats;
    }

    private SampleDecoder.RunStats decodeChunk(ByteBuffer chunk, long firstSample, int samples) {
        int tasks = taskCount(samples);
        return ComputePool.get(() -> IntStream.range(0, tasks).parallel()
                .mapToObj(t -> decodeRun(chunk, firstSample, (int) ((long) samples * t / tasks),
                        (int) ((long) samples * (t + 1) / tasks), new SampleDecoder.RunStats()))
                .reduce(SampleDecoder.RunStats::merge)
                .orElseGet(SampleDecoder.RunStats::new));
    }

    /** Decodes samples [from, to) of the buffer, splitting the run where it crosses into the next plane. */
    private SampleDecoder.RunStats decodeRun(ByteBuffer buffer, long firstSample, int from, int to, SampleDecoder.RunStats stats) {
        long sample = firstSample + from;
        int position = from;
        while (position < to) {
            int plane = (int) (sample / planePixels);
            int offset = (int) (sample % planePixels);
            int run = Math.min(to - position, planePixels - offset);
            destination.decode(buffer, position * bytesPerSample, plane, offset, run, stats);
            sample += run;
            position += run;
        }
        return stats;
    }

    private static int taskCount(long samples) {
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2L, samples / MIN_SAMPLES_PER_TASK));
    }

    /** Where decoded samples go: float planes, or the raw 16-bit words with the value of each. */
    private interface Destination {
        void decode(ByteBuffer src, int from, int plane, int at, int count, SampleDecoder.RunStats stats);

        Image image(ImageLayout layout, FitsHeader header, SampleDecoder.RunStats stats);
    }

    private static final class Floats implements Destination {
        private final SampleDecoder decoder;
        private final float[][] planes;

        Floats(ImageLayout layout) {
            this.decoder = SampleDecoder.forLayout(layout);
            this.planes = new float[layout.planes()][(int) layout.planePixels()];
        }

        @Override
        public void decode(ByteBuffer src, int from, int plane, int at, int count, SampleDecoder.RunStats stats) {
            decoder.decode(src, from, planes[plane], at, count, stats);
        }

        @Override
        public Image image(ImageLayout layout, FitsHeader header, SampleDecoder.RunStats stats) {
            if (decoder.needsScaling()) {
                scale((float) Normalisation.scaleForLargest(stats.largestFinite));
            }
            return new Image(layout.width(), layout.height(), planes, header);
        }

        /** Physical to [0, 1]; NaN stays NaN because both comparisons are false for it. */
        private void scale(float factor) {
            int planePixels = planes[0].length;
            int blocks = Math.max(1, planePixels / MIN_SAMPLES_PER_TASK);
            for (float[] plane : planes) {
                ComputePool.run(() -> IntStream.range(0, blocks).parallel().forEach(b -> {
                    int end = (int) ((long) planePixels * (b + 1) / blocks);
                    for (int i = (int) ((long) planePixels * b / blocks); i < end; i++) {
                        float v = plane[i] * factor;
                        plane[i] = v < 0f ? 0f : (v > 1f ? 1f : v);
                    }
                }));
            }
        }
    }

    private static final class Words implements Destination {
        private final CodeDecoder decoder;
        private final short[][] codes;

        Words(ImageLayout layout) {
            this.decoder = new CodeDecoder(Normalisation.table16(layout));
            this.codes = new short[layout.planes()][(int) layout.planePixels()];
        }

        @Override
        public void decode(ByteBuffer src, int from, int plane, int at, int count, SampleDecoder.RunStats stats) {
            decoder.decode(src, from, codes[plane], at, count, stats);
        }

        @Override
        public Image image(ImageLayout layout, FitsHeader header, SampleDecoder.RunStats stats) {
            float[][] values = new float[codes.length][];
            Arrays.fill(values, decoder.values());
            return Image.ofCodes(layout.width(), layout.height(), new CodedPlanes(codes, values), header);
        }
    }
}
