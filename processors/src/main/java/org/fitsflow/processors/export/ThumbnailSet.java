package org.fitsflow.processors.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.imageio.ImageWriteParam;

/**
 * The thumbnails of one picture, filled from its 8-bit rows as they pass (the JPEG encoder's strips, top
 * first, so they keep the picture's orientation), then written as JPEGs beside it.
 */
final class ThumbnailSet {
    private final int channels;
    private final List<Integer> longestSides;
    private final List<AreaDownscaler> downscalers = new ArrayList<>();

    ThumbnailSet(int width, int height, int channels, List<Integer> longestSides) {
        this.channels = channels;
        this.longestSides = List.copyOf(longestSides);
        for (int side : this.longestSides) {
            int[] size = Thumbnails.size(width, height, side);
            downscalers.add(new AreaDownscaler(width, height, channels, size[0], size[1]));
        }
    }

    /** {@code rows}, with every strip also added to the thumbnails on its way to the encoder. */
    StripedJpegEncoder.Rows feeding(StripedJpegEncoder.Rows rows) {
        if (downscalers.isEmpty()) {
            return rows;
        }
        return (top, count) -> {
            BufferedImage strip = rows.get(top, count);
            add(top, strip);
            return strip;
        };
    }

    /** Rows {@code [top, top + strip height)} of the picture; any thread, any order. */
    void add(int top, BufferedImage strip) {
        Raster raster = strip.getRaster();
        if (raster.getNumBands() != channels) {
            throw new IllegalArgumentException("a strip of " + raster.getNumBands() + " bands for thumbnails of " + channels);
        }
        int stride = strip.getWidth() * channels;
        byte[] samples = interleavedBytes(raster).orElseGet(() -> copy(raster));
        for (AreaDownscaler downscaler : downscalers) {
            downscaler.add(top, strip.getHeight(), samples, 0, stride);
        }
    }

    /** Writes every thumbnail of {@code picture}; on a failure none is left behind. */
    List<Thumbnail> write(Path picture) throws IOException {
        List<Thumbnail> written = new ArrayList<>();
        try {
            for (int i = 0; i < downscalers.size(); i++) {
                AreaDownscaler downscaler = downscalers.get(i);
                Path file = Thumbnails.fileFor(picture, longestSides.get(i));
                Files.createDirectories(file.getParent());
                ImageIoFile.write(image(downscaler), "jpeg", file, ThumbnailSet::quality);
                written.add(new Thumbnail(file, longestSides.get(i), downscaler.width(), downscaler.height()));
            }
            return written;
        } catch (IOException | RuntimeException e) {
            Thumbnails.delete(written);
            throw e;
        }
    }

    private static void quality(ImageWriteParam param) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(Thumbnails.QUALITY / 100f);
    }

    private BufferedImage image(AreaDownscaler downscaler) {
        byte[] samples = downscaler.result();
        if (channels == 3) {
            return RasterBuilder.rgb(new DataBufferByte(samples, samples.length), downscaler.width(), downscaler.height(), 8);
        }
        BufferedImage grey = new BufferedImage(downscaler.width(), downscaler.height(), BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(samples, 0, ((DataBufferByte) grey.getRaster().getDataBuffer()).getData(), 0, samples.length);
        return grey;
    }

    /** The raster's own array when it is already bytes interleaved in band order from its first sample (the exporter's strips). */
    private static Optional<byte[]> interleavedBytes(Raster raster) {
        int bands = raster.getNumBands();
        if (raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getPixelStride() == bands && model.getScanlineStride() == raster.getWidth() * bands
                && Arrays.equals(model.getBandOffsets(), IntStream.range(0, bands).toArray())
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            return Optional.of(buffer.getData());
        }
        return Optional.empty();
    }

    /** Any other raster (a decoded JPEG is BGR), copied out band-interleaved in band order. */
    private static byte[] copy(Raster raster) {
        int width = raster.getWidth();
        int bands = raster.getNumBands();
        byte[] out = new byte[width * raster.getHeight() * bands];
        int[] row = new int[width * bands];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            for (int i = 0; i < row.length; i++) {
                out[y * row.length + i] = (byte) row[i];
            }
        }
        return out;
    }
}
