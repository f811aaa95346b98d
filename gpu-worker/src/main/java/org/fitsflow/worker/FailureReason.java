package org.fitsflow.worker;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.fitsflow.processors.fits.InvalidFitsException;
import org.fitsflow.processors.pipeline.InvalidPipelineException;

/** Turns what went wrong into one sentence for users: the reason, never a stack trace. */
final class FailureReason {
    private FailureReason() {
    }

    static String of(Throwable failure) {
        if (failure instanceof NoSuchFileException e) {
            return "file not found: " + e.getFile();
        }
        if (failure instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (failure instanceof InvalidFitsException e) {
            return e.getMessage();
        }
        if (failure instanceof InvalidPipelineException e) {
            return "invalid pipeline: " + e.getMessage();
        }
        if (failure instanceof OutOfMemoryError) {
            return "not enough memory for this image (maximum heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB); give the worker more memory";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
