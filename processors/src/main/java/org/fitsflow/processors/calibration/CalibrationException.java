package org.fitsflow.processors.calibration;

import java.io.IOException;

/** Calibration frames that cannot be used, or a light no master dark matches; the message says which and why. */
public class CalibrationException extends IOException {
    public CalibrationException(String reason) {
        super(reason);
    }

    public CalibrationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
