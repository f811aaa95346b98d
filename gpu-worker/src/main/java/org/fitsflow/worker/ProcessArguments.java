package org.fitsflow.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed arguments of the {@code process} command. The pipelines folder adds to the built-in pipelines:
 * {@code ./config/pipelines} when there is one, or the folder given, which must exist.
 */
record ProcessArguments(List<Path> inputs, String pipeline, Path out, Path pipelinesDir) {
    static final Path DEFAULT_PIPELINES = Path.of("config", "pipelines");

    /** @throws IllegalArgumentException saying which argument is missing or unknown */
    static ProcessArguments parse(List<String> args) {
        List<Path> inputs = new ArrayList<>();
        String pipeline = null;
        Path out = null;
        Path pipelinesDir = DEFAULT_PIPELINES;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--pipeline" -> pipeline = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--pipelines-dir" -> {
                    pipelinesDir = Path.of(value(args, ++i, arg));
                    if (!Files.isDirectory(pipelinesDir)) {
                        throw new IllegalArgumentException("--pipelines-dir " + pipelinesDir + " is not a folder");
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("missing the input FITS file");
        }
        if (pipeline == null) {
            throw new IllegalArgumentException("missing --pipeline NAME");
        }
        if (out == null) {
            throw new IllegalArgumentException("missing --out DIR");
        }
        return new ProcessArguments(List.copyOf(inputs), pipeline, out, pipelinesDir);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
