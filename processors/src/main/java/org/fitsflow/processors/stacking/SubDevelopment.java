package org.fitsflow.processors.stacking;

import org.fitsflow.processors.analysis.HotPixelFilter;
import org.fitsflow.processors.analysis.PhotositeCorrections;
import org.fitsflow.processors.backend.ComputeBackend;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.image.Image;

/**
 * The one place where a sub becomes the colour planes that are measured, registered and combined: a raw
 * mosaic ({@code BAYERPAT}, one plane) has its hot photosites corrected and is debayered with its pattern;
 * colour and mono frames pass as they are, with the stack's debayer method. Another debayer or cosmetic
 * correction replaces the two calls in {@link #correctMosaic} and {@link #develop} and nothing else.
 */
final class SubDevelopment {
    private SubDevelopment() {
    }

    static boolean isRawMosaic(Image image) {
        return image.channels() == 1 && image.header().summary().bayerPattern() != null;
    }

    /** The channels a developed sub has: 3 for a raw mosaic. */
    static int channels(Image image) {
        return isRawMosaic(image) ? 3 : image.channels();
    }

    /**
     * Cosmetic correction of a raw sub's mosaic, copied into {@code into} first (the image is left as read).
     *
     * @return the photosites corrected, for {@link #recorrectedMosaic} on a second read of the same file
     */
    static PhotositeCorrections correctMosaic(Image image, float[] into) {
        return HotPixelFilter.correct(image.copyOfPlane(0, into), image.width(), image.height());
    }

    /** A raw sub's mosaic, read again, copied into {@code into} with the corrections its first read found. */
    static float[] recorrectedMosaic(Image image, PhotositeCorrections corrections, float[] into) {
        float[] mosaic = image.copyOfPlane(0, into);
        corrections.applyTo(mosaic);
        return mosaic;
    }

    /**
     * The plane stars are measured on: for a raw mosaic the green plane of its debayer (green has twice the
     * photosites of red or blue: the sharpest plane), for a colour frame its green plane, for mono the only one.
     * It stays the backend's bilinear green whatever the stack's debayer: registration needs only star centres,
     * and the quality figures stay those {@code analyze_subs} gives for the same sub.
     */
    static float[] measurementPlane(Image image, float[] correctedMosaic, ComputeBackend backend,
                                    SubWorkspace workspace) {
        if (isRawMosaic(image)) {
            return backend.debayerGreen(correctedMosaic, image.width(), image.height(),
                    image.header().summary().bayerPattern(), workspace.green(image.pixelCount()));
        }
        return image.isColour() ? image.plane(1) : image.plane(0);
    }

    /**
     * The developed planes; a raw mosaic's from {@code correctedMosaic} of the same image, with {@code method},
     * into {@code into} (three planes of the mosaic's size).
     */
    static float[][] develop(Image image, float[] correctedMosaic, ComputeBackend backend, DebayerMethod method,
                             float[][] into) {
        if (!isRawMosaic(image)) {
            return image.planes();
        }
        backend.debayer(correctedMosaic, image.width(), image.height(), image.header().summary().bayerPattern(),
                method, into);
        return into;
    }
}
