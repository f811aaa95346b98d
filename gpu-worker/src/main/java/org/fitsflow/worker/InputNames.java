package org.fitsflow.worker;

import java.nio.file.Path;

/** The stem of an input file name, without its FITS and compression extensions. */
final class InputNames {
    private InputNames() {
    }

    static String stem(Path input) {
        String name = input.getFileName().toString();
        return name.replaceFirst("(?i)(\\.(fits?|fts))?(\\.(gz|fz))?$", "");
    }
}
