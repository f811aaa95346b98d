package org.fitsflow.processors.backend.gpu;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-line descriptions of why the GPU could not be used. JCuda's native linking errors run over many
 * lines with stack traces; the line that matters names the missing system library (libcuda, libnvrtc).
 */
final class Failures {
    private static final Pattern MISSING_LIBRARY = Pattern.compile("([\\w.+-]+\\.so[\\w.]*: cannot open shared object file[^\\n]*)");

    private Failures() {
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        String firstLine = message.lines().findFirst().orElse("");
        String description = failure.getClass().getSimpleName() + (firstLine.isEmpty() ? "" : ": " + firstLine);
        Matcher missing = MISSING_LIBRARY.matcher(message);
        return missing.find() ? description + " (" + missing.group(1).strip() + ")" : description;
    }
}
