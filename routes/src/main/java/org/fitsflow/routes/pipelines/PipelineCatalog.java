package org.fitsflow.routes.pipelines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.LoadedPipeline;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.store.PipelineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pipelines a job may name: the built-in ones of the jar and the YAML files of the pipelines folder
 * ({@code fitsflow.pipelines-dir}, optional), which add pipelines or replace built-in ones
 * ({@link PipelineLibrary}); plus custom pipelines posted through the API (validated by
 * {@link PipelineLoader} and kept in the database). The first two count as built-in: the API cannot
 * replace them.
 */
@Component
public class PipelineCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineCatalog.class);

    private final PipelineLoader loader = new PipelineLoader();
    private final PipelineStore store;
    private final SortedMap<String, LoadedPipeline> builtIn;
    private final Map<String, PipelineDefinition> custom = new ConcurrentHashMap<>();

    public PipelineCatalog(FitsflowProperties properties, PipelineStore store) {
        this.store = store;
        this.builtIn = loadInstalled(loader, properties.pipelinesDir());
        store.all().forEach((name, yaml) -> {
            try {
                custom.put(name, loader.parse(yaml));
            } catch (InvalidPipelineException e) {
                // A step type may have been renamed since the pipeline was posted; the others still load.
                LOG.warn("Custom pipeline '{}' no longer validates and is not offered: {}", name, e.getMessage());
            }
        });
        Path folder = properties.pipelinesDir().toAbsolutePath().normalize();
        LOG.info("Pipelines folder {}{}; pipelines: {}; custom {}", folder, Files.isDirectory(folder) ? "" : " (none there)",
                builtIn.values().stream().map(LoadedPipeline::describe).collect(Collectors.joining(", ")), custom.keySet());
    }

    /** The jar's pipelines with the folder's over them; one broken file is reported and left out. */
    private static SortedMap<String, LoadedPipeline> loadInstalled(PipelineLoader loader, Path folder) {
        try {
            return new PipelineLibrary(loader).load(folder,
                    (file, reason) -> LOG.error("Pipeline file {} is left out: {}", file, reason));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pipelines folder " + folder.toAbsolutePath(), e);
        }
    }

    public Optional<PipelineDefinition> find(String name) {
        LoadedPipeline installed = builtIn.get(name);
        return Optional.ofNullable(installed != null ? installed.definition() : custom.get(name));
    }

    public boolean isBuiltIn(String name) {
        return builtIn.containsKey(name);
    }

    /** Built-in first, then custom, each in name order. */
    public List<PipelineDefinition> all() {
        List<PipelineDefinition> all = new ArrayList<>(builtIn.values().stream().map(LoadedPipeline::definition).toList());
        custom.values().stream().sorted(Comparator.comparing(PipelineDefinition::name)).forEach(all::add);
        return all;
    }

    public List<String> names() {
        return all().stream().map(PipelineDefinition::name).toList();
    }

    /**
     * Validates and stores a custom pipeline, replacing a custom one of the same name.
     *
     * @throws InvalidPipelineException with the loader's message, or when the name is a built-in pipeline's
     */
    public PipelineDefinition addCustom(String yaml) {
        PipelineDefinition definition = loader.parse(yaml);
        if (isBuiltIn(definition.name())) {
            throw new InvalidPipelineException("'" + definition.name() + "' is a built-in pipeline; choose another name");
        }
        store.save(definition.name(), yaml);
        custom.put(definition.name(), definition);
        return definition;
    }
}
