package org.fitsflow.processors.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The pipelines a job can name without posting one: the built-in ones, shipped in the jar as resources
 * beside this class ({@code builtin/quick_dso.yaml}, ...), and the YAML files of an optional pipelines
 * folder, which add pipelines or replace the built-in one of the same name. Nothing else is needed to
 * run from any folder.
 */
public final class PipelineLibrary {
    /** The resources under {@code builtin/}, one {@code <name>.yaml} each. */
    public static final List<String> BUILT_IN = List.of("analyze_subs", "deep_stack", "export_fits", "export_pixinsight", "export_png",
            "full_dso", "night_stack", "quick_dso", "stack_subs");

    private final PipelineLoader loader;

    public PipelineLibrary(PipelineLoader loader) {
        this.loader = loader;
    }

    /** One built-in pipeline, as shipped. */
    public static PipelineDefinition builtIn(String name) {
        return new PipelineLibrary(new PipelineLoader()).readBuiltIn(name);
    }

    /**
     * The built-in pipelines with the folder's {@code *.yaml} / {@code *.yml} files laid over them, by name.
     * A file must be named after its pipeline ({@code --pipeline quick_dso} is {@code quick_dso.yaml}). A file
     * that does not load is passed to {@code leftOut} with the reason and skipped; the others are offered.
     *
     * @param folder the pipelines folder; none there (or null) means the built-in pipelines alone
     * @throws IOException when the folder exists but cannot be listed
     */
    public SortedMap<String, LoadedPipeline> load(Path folder, BiConsumer<Path, String> leftOut) throws IOException {
        SortedMap<String, LoadedPipeline> pipelines = new TreeMap<>();
        for (String name : BUILT_IN) {
            pipelines.put(name, new LoadedPipeline(readBuiltIn(name), null));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            return pipelines;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().matches("(?i).*\\.ya?ml")).sorted().toList();
        }
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            try {
                PipelineDefinition pipeline = loader.parse(Files.readString(file, StandardCharsets.UTF_8));
                String stem = file.getFileName().toString().replaceFirst("(?i)\\.ya?ml$", "");
                if (!stem.equals(pipeline.name())) {
                    throw new InvalidPipelineException("name '" + pipeline.name() + "' must match the file name '" + stem + "'");
                }
                pipelines.put(pipeline.name(), new LoadedPipeline(pipeline, absolute));
            } catch (IOException | InvalidPipelineException e) {
                leftOut.accept(absolute, e.getMessage());
            }
        }
        return pipelines;
    }

    private PipelineDefinition readBuiltIn(String name) {
        String resource = "builtin/" + name + ".yaml";
        try (InputStream in = PipelineLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its built-in pipeline " + resource);
            }
            return loader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in pipeline " + resource, e);
        }
    }
}
