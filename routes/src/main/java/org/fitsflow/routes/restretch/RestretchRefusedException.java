package org.fitsflow.routes.restretch;

/** A job that cannot be re-stretched as it stands (not complete, its master or frame gone); the message says why. */
public class RestretchRefusedException extends RuntimeException {
    public RestretchRefusedException(String message) {
        super(message);
    }
}
