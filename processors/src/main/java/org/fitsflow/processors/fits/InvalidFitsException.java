package org.fitsflow.processors.fits;

import java.io.IOException;

/** A file that is not a usable FITS image; the message says precisely why, in words a user understands. */
public class InvalidFitsException extends IOException {
    public InvalidFitsException(String reason) {
        super(reason);
    }

    public InvalidFitsException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
