package org.fitsflow.processors.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.stream.IntStream;

/**
 * Streams the pixel data of one image HDU straight into normalised float planes: big chunks are read into one
 * reusable buffer and converted by all cores, so memory stays at the planes plus one chunk.
 */
final class PixelReader {
    private static final int CHUNK_BYTES = 8 << 20;
    private static final int MIN_SAMPLES_PER_TASK = 1 << 16;

    private final ImageLayout layout;
    private final SampleDecoder decoder;
    private final float[][] planes;
    private final int planePixels;

    private PixelReader(ImageLayout layout) {
        this.layout = layout;
        this.decoder = SampleDecoder.forLayout(layout);
        this.planePixels = (int) layout.planePixels();
        this.planes = new float[layout.planes()][planePixels];
    }

    /** Reads the data the input is positioned at; the layout must have passed the size checks. */
    static float[][] read(FitsInput input, ImageLayout layout) throws IOException {
        return new PixelReader(layout).readAll(input);
    }

    private float[][] readAll(FitsInput input) throws IOException {
        long total = layout.dataBytes();
        int bytesPerSample = layout.bytesPerSample();
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
        if (stats.finiteCount == 0) {
            throw new InvalidFitsException("image has no finite pixel: every pixel is NaN, infinite or BLANK");
        }
        if (decoder.needsScaling()) {
            scale((float) Normalisation.scaleForLargest(stats.largestFinite));
        }
        return planes;
    }

    private SampleDecoder.RunStats decodeChunk(ByteBuffer chunk, long firstSample, int samples) {
        int tasks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, samples / MIN_SAMPLES_PER_TASK));
        return IntStream.range(0, tasks).parallel()
                .mapToObj(t -> decodeRun(chunk, firstSample,
                        (int) ((long) samples * t / tasks), (int) ((long) samples * (t + 1) / tasks)))
                .reduce(SampleDecoder.RunStats::merge)
                .orElseGet(SampleDecoder.RunStats::new);
    }

    /** Decodes samples [from, to) of the chunk, splitting the run where it crosses into the next plane. */
    private SampleDecoder.RunStats decodeRun(ByteBuffer chunk, long firstSample, int from, int to) {
        SampleDecoder.RunStats stats = new SampleDecoder.RunStats();
        long sample = firstSample + from;
        int position = from;
        while (position < to) {
            int plane = (int) (sample / planePixels);
            int offset = (int) (sample % planePixels);
            int run = Math.min(to - position, planePixels - offset);
            decoder.decode(chunk, position * layout.bytesPerSample(), planes[plane], offset, run, stats);
            sample += run;
            position += run;
        }
        return stats;
    }

    /** Physical to [0, 1]; NaN stays NaN because both comparisons are false for it. */
    private void scale(float factor) {
        int blocks = Math.max(1, planePixels / MIN_SAMPLES_PER_TASK);
        for (float[] plane : planes) {
            IntStream.range(0, blocks).parallel().forEach(b -> {
                int end = (int) ((long) planePixels * (b + 1) / blocks);
                for (int i = (int) ((long) planePixels * b / blocks); i < end; i++) {
                    float v = plane[i] * factor;
                    plane[i] = v < 0f ? 0f : (v > 1f ? 1f : v);
                }
            });
        }
    }
}
