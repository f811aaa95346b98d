package org.fitsflow.processors.backend.gpu;

/** One-line descriptions of why the GPU could not be used (native linking errors run over many lines). */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String firstLine = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return failure.getClass().getSimpleName() + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }
}
