package org.fitsflow.processors.export;

import java.io.IOException;

/**
 * Where the parts of a single-scan baseline JPEG lie: the frame header's height field and sampling
 * factors, the scan header, and the entropy-coded data up to the closing EOI marker.
 */
record JpegSegments(int frameHeightOffset, int maxHorizontalSampling, int maxVerticalSampling,
                    int scanHeaderStart, int scanDataStart, int scanDataEnd) {

    private static final int SOI = 0xD8;
    private static final int SOF0 = 0xC0;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    static JpegSegments parse(byte[] jpeg) throws IOException {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI
                || (jpeg[jpeg.length - 2] & 0xFF) != 0xFF || (jpeg[jpeg.length - 1] & 0xFF) != EOI) {
            throw new IOException("the JPEG encoder produced no complete JPEG stream");
        }
        int heightOffset = -1;
        int maxH = 1;
        int maxV = 1;
        int position = 2;
        while (position + 4 <= jpeg.length) {
            if ((jpeg[position] & 0xFF) != 0xFF) {
                throw new IOException("unexpected byte in the JPEG headers at " + position);
            }
            int marker = jpeg[position + 1] & 0xFF;
            int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
            if (marker == SOF0) {
                heightOffset = position + 5;
                int components = jpeg[position + 9] & 0xFF;
                for (int c = 0; c < components; c++) {
                    int sampling = jpeg[position + 11 + 3 * c] & 0xFF;
                    maxH = Math.max(maxH, sampling >> 4);
                    maxV = Math.max(maxV, sampling & 0x0F);
                }
            } else if (marker == SOS) {
                if (heightOffset < 0) {
                    throw new IOException("the JPEG encoder wrote no baseline frame header");
                }
                return new JpegSegments(heightOffset, maxH, maxV, position, position + 2 + length, jpeg.length - 2);
            }
            position += 2 + length;
        }
        throw new IOException("the JPEG encoder wrote no scan");
    }
}
