package org.fitsflow.processors.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;

/**
 * Where a pipeline gets its image: usually a FITS file, or an image already decoded from it (a service
 * that read the file once to validate it need not read it again).
 */
@FunctionalInterface
public interface ImageSource {
    /**
     * @throws IOException for an unreadable input (an {@code InvalidFitsException} says why)
     */
    Image read() throws IOException;

    static ImageSource file(Path input) {
        return () -> FitsReader.read(input);
    }
}
