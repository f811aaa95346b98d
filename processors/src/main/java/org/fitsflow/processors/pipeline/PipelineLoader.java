package org.fitsflow.processors.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fitsflow.processors.stacking.StackingParameters;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads pipeline definitions (YAML text, or the same structure as a map from JSON; files and folders
 * through {@link PipelineLibrary}) and validates them fully: every step and export is instantiated with its parameters,
 * so a definition that loads also runs. Messages name the problem, e.g.
 * {@code step 2: unknown step 'strech'; known: debayer, histogram_stretch}.
 */
public final class PipelineLoader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "subs", StackingSection.KEY, "steps", "exports");

    private final StepRegistry steps;
    private final ExporterRegistry exporters;

    public PipelineLoader() {
        this(StepRegistry.standard(), ExporterRegistry.standard());
    }

    public PipelineLoader(StepRegistry steps, ExporterRegistry exporters) {
        this.steps = steps;
        this.exporters = exporters;
    }

    public PipelineDefinition parse(String yamlText) {
        Object document;
        try {
            // SafeConstructor: plain maps, lists and scalars only, never arbitrary classes.
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (MarkedYAMLException e) {
            throw new InvalidPipelineException("not valid YAML at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidPipelineException("not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new InvalidPipelineException("a pipeline must be a mapping with name, description, steps and exports");
        }
        return fromMap(map);
    }

    /**
     * The structure REST clients post as JSON: {name, description, subs, stacking: {kappa, ...},
     * steps: [{step, ...}], exports: [{format, ...}]}; subs and stacking are optional.
     */
    public PipelineDefinition fromMap(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!TOP_LEVEL.contains(String.valueOf(key))) {
                throw new InvalidPipelineException("unknown field '" + key + "'; known: description, exports, name, "
                        + StackingSection.KEY + ", steps, subs");
            }
        }
        String name = text(map.get("name"), "name");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidPipelineException("name must be 1 to 64 characters of a-z, 0-9, _ and -, got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        String description = text(map.get("description"), "description");
        SubsMode subs = SubsMode.fromKey(map.get("subs"));
        StackingParameters stacking = stacking(map.get(StackingSection.KEY), subs);
        List<StepSpec> stepSpecs = new ArrayList<>();
        List<Map<String, Object>> stepItems = items(map.get("steps"), "steps");
        for (int i = 0; i < stepItems.size(); i++) {
            stepSpecs.add(stepSpec(stepItems.get(i), i + 1));
        }
        List<ExportSpec> exportSpecs = new ArrayList<>();
        List<Map<String, Object>> exportItems = items(map.get("exports"), "exports");
        if (exportItems.isEmpty()) {
            throw new InvalidPipelineException("exports: a pipeline needs at least one export (jpeg, tiff, png or fits)");
        }
        for (int i = 0; i < exportItems.size(); i++) {
            exportSpecs.add(exportSpec(exportItems.get(i), i + 1));
        }
        PipelineDefinition definition = new PipelineDefinition(name, description == null ? "" : description, subs, stacking,
                stepSpecs, exportSpecs);
        validate(definition);
        return definition;
    }

    /** Instantiates every step and export, so that bad parameters fail here rather than in a job. */
    public void validate(PipelineDefinition definition) {
        List<StepSpec> stepSpecs = definition.steps();
        for (int i = 0; i < stepSpecs.size(); i++) {
            try {
                steps.create(stepSpecs.get(i));
            } catch (InvalidPipelineException e) {
                throw new InvalidPipelineException("step " + (i + 1) + ": " + e.getMessage());
            }
        }
        List<ExportSpec> exportSpecs = definition.exports();
        for (int i = 0; i < exportSpecs.size(); i++) {
            try {
                exporters.create(exportSpecs.get(i));
            } catch (InvalidPipelineException e) {
                throw new InvalidPipelineException("export " + (i + 1) + ": " + e.getMessage());
            }
        }
    }

    /** The {@code stacking:} section, only allowed with {@code subs: stack} or {@code combine}; absent means the defaults. */
    private static StackingParameters stacking(Object section, SubsMode subs) {
        if (section == null) {
            return null;
        }
        if (!subs.stacks()) {
            throw new InvalidPipelineException("stacking: only a pipeline with subs: stack stacks, this one has "
                    + (subs == SubsMode.ONE_FILE ? "no subs key (it runs on one file)" : "subs: " + subs.key()));
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw new InvalidPipelineException("stacking must be a mapping like {kappa: 2.5}, got " + section);
        }
        Map<String, Object> params = parameters(map, StackingSection.KEY);
        try {
            StackingParameters parameters = StackingSection.fromMap(params);
            if (subs == SubsMode.COMBINE && parameters.drizzle().isPresent()) {
                throw new InvalidPipelineException("drizzle works on the subs of a stack (subs: stack), not on night "
                        + "masters (subs: combine)");
            }
            return parameters;
        } catch (InvalidPipelineException e) {
            throw new InvalidPipelineException("stacking: " + e.getMessage());
        }
    }

    private static StepSpec stepSpec(Map<String, Object> item, int number) {
        Map<String, Object> params = params(item, "step", number);
        Object type = params.remove("step");
        if (!(type instanceof String s) || s.isBlank()) {
            throw new InvalidPipelineException("step " + number + ": missing 'step' (the step type, e.g. histogram_stretch)");
        }
        return new StepSpec(s, params);
    }

    private static ExportSpec exportSpec(Map<String, Object> item, int number) {
        Map<String, Object> params = params(item, "export", number);
        Object format = params.remove("format");
        if (!(format instanceof String s) || s.isBlank()) {
            throw new InvalidPipelineException("export " + number + ": missing 'format' (jpeg, tiff, png or fits)");
        }
        return new ExportSpec(s, params);
    }

    private static Map<String, Object> params(Map<String, Object> item, String what, int number) {
        return parameters(item, what + " " + number);
    }

    /** A copy of the section's parameters, each named with text and given a value; {@code where} leads the error. */
    private static Map<String, Object> parameters(Map<?, ?> section, String where) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : section.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new InvalidPipelineException(where + ": parameter names must be text, got " + entry.getKey());
            }
            if (entry.getValue() == null) {
                throw new InvalidPipelineException(where + ": parameter '" + key + "' has no value");
            }
            params.put(key, entry.getValue());
        }
        return params;
    }

    private static String text(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidPipelineException(field + " must be text, got " + value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidPipelineException(field + " must be a list, got " + value);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        String singular = field.substring(0, field.length() - 1);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new InvalidPipelineException(singular + " " + (i + 1) + ": must be a mapping like {"
                        + ("steps".equals(field) ? "step: histogram_stretch" : "format: jpeg") + "}, got " + list.get(i));
            }
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new InvalidPipelineException(singular + " " + (i + 1) + ": parameter names must be text, got " + key);
                }
            }
            items.add((Map<String, Object>) map);
        }
        return items;
    }
}
