package org.fitsflow.routes.uploads;

/** An upload that is refused, with the HTTP status, a short error and the reason. */
public class UploadRejectedException extends Exception {
    private final int status;
    private final String error;

    public UploadRejectedException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
