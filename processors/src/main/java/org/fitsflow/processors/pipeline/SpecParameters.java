package org.fitsflow.processors.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to the parameters of one step or export as written in YAML or JSON, with defaults.
 * Remembers which names were asked for, so that {@link #rejectUnknown(String)} can name a misspelt one.
 */
public final class SpecParameters {
    private final Map<String, Object> values;
    private final Set<String> known = new HashSet<>();

    public SpecParameters(Map<String, Object> values) {
        this.values = values;
    }

    public String string(String name, String defaultValue) {
        Object value = lookup(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidPipelineException(name + " must be text, got " + value);
    }

    /** One of {@code allowed}, compared ignoring case, returned in lower case. */
    public String choice(String name, String defaultValue, List<String> allowed) {
        String value = string(name, defaultValue);
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new InvalidPipelineException(name + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    public int integer(String name, int defaultValue) {
        Object value = lookup(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new InvalidPipelineException(name + " must be a whole number, got " + describe(value));
    }

    /** A list of whole numbers, e.g. {@code [320, 1080]}; {@code []} is an empty list. */
    public List<Integer> integers(String name, List<Integer> defaultValue) {
        Object value = lookup(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof List<?> list) {
            List<Integer> numbers = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE)) {
                    throw new InvalidPipelineException(name + " must be a list of whole numbers, got " + describe(item) + " in it");
                }
                numbers.add(n.intValue());
            }
            return numbers;
        }
        throw new InvalidPipelineException(name + " must be a list of whole numbers such as [320, 1080], got " + describe(value));
    }

    public double number(String name, double defaultValue) {
        Object value = lookup(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new InvalidPipelineException(name + " must be a number, got " + describe(value));
    }

    public boolean flag(String name, boolean defaultValue) {
        Object value = lookup(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new InvalidPipelineException(name + " must be true or false, got " + describe(value));
    }

    /**
     * A nested section such as {@code calibration: {combine: median}}: its parameters by name, empty when absent.
     * Every name must be text and every parameter must have a value.
     */
    public Map<String, Object> mapping(String name, String example) {
        Object value = lookup(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidPipelineException(name + " must be a mapping like " + example + ", got " + describe(value));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new InvalidPipelineException(name + ": parameter names must be text, got " + entry.getKey());
            }
            if (entry.getValue() == null) {
                throw new InvalidPipelineException(name + ": parameter '" + key + "' has no value");
            }
            section.put(key, entry.getValue());
        }
        return section;
    }

    /** Fails on any parameter no getter asked for; call after reading all parameters. */
    public void rejectUnknown(String owner) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String knownList = known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known));
            throw new InvalidPipelineException("unknown parameter '" + unknown.iterator().next() + "' for " + owner
                    + "; known: " + knownList);
        }
    }

    private Object lookup(String name) {
        known.add(name);
        return values.get(name);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
