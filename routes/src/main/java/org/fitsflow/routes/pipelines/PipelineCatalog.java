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
import java.util.stream.Stream;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.store.PipelineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pipelines a job may name: the built-in YAML files of the pipelines folder, plus custom pipelines
 * posted through the API (validated by {@link PipelineLoader} and kept in the database).
 */
@Component
public class PipelineCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineCatalog.class);

    private final PipelineLoader loader = new PipelineLoader();
    private final PipelineStore store;
    private final SortedMap<String, PipelineDefinition> builtIn;
    private final Map<String, PipelineDefinition> custom = new ConcurrentHashMap<>();

    public PipelineCatalog(FitsflowProperties properties, PipelineStore store) {
        this.store = store;
        this.builtIn = loadBuiltIn(properties.pipelinesDir());
        store.all().forEach((name, yaml) -> {
            try {
                custom.put(name, loader.parse(yaml));
            } catch (InvalidPipelineException e) {
                // A step type may have been renamed since the pipeline was posted; the others still load.
                LOG.warn("Custom pipeline '{}' no longer validates and is not offered: {}", name, e.getMessage());
            }
        });
        LOG.info("Pipelines: built-in {}, custom {}", builtIn.keySet(), custom.keySet());
    }

    /** Each file on its own: one broken file is reported and left out, the others are offered. */
    private SortedMap<String, PipelineDefinition> loadBuiltIn(Path dir) {
        SortedMap<String, PipelineDefinition> loaded = new ConcurrentSkipListMap<>();
        List<Path> yamlFiles;
        try (Stream<Path> files = Files.list(dir)) {
            yamlFiles = files.filter(f -> f.getFileName().toString().matches("(?i).*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pipelines folder " + dir.toAbsolutePath(), e);
        }
        for (Path file : yamlFiles) {
            try {
                PipelineDefinition definition = loader.load(file);
                loaded.put(definition.name(), definition);
            } catch (IOException | InvalidPipelineException e) {
                LOG.error("Pipeline file {} is left out: {}", file, e.getMessage());
            }
        }
        return loaded;
    }

    public Optional<PipelineDefinition> find(String name) {
        PipelineDefinition definition = builtIn.get(name);
        return Optional.ofNullable(definition != null ? definition : custom.get(name));
    }

    public boolean isBuiltIn(String name) {
        return builtIn.containsKey(name);
    }

    /** Built-in first, then custom, each in name order. */
    public List<PipelineDefinition> all() {
        List<PipelineDefinition> all = new ArrayList<>(builtIn.values());
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
