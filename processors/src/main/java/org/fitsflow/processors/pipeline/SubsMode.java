package org.fitsflow.processors.pipeline;

import java.util.Arrays;

/**
 * What a pipeline runs over, from its {@code subs} key: one file (no key), a whole set of subs, measured
 * into a quality report ({@code subs: analyze}) or stacked into a master ({@code subs: stack}), or the masters
 * of several nights combined into a deeper one ({@code subs: combine}).
 */
public enum SubsMode {
    ONE_FILE(null),
    ANALYZE("analyze"),
    STACK("stack"),
    COMBINE("combine");

    private final String key;

    SubsMode(String key) {
        this.key = key;
    }

    /** The value of the {@code subs} key, {@code null} for a pipeline over one file. */
    public String key() {
        return key;
    }

    public boolean overSubs() {
        return this != ONE_FILE;
    }

    /** Whether it takes a {@code stacking:} section: it stacks subs or combines night masters. */
    public boolean stacks() {
        return this == STACK || this == COMBINE;
    }

    /** @param key the {@code subs} value as written, {@code null} when the key is absent */
    static SubsMode fromKey(Object key) {
        if (key == null) {
            return ONE_FILE;
        }
        return Arrays.stream(values()).filter(m -> m.key != null && m.key.equals(key)).findFirst()
                .orElseThrow(() -> new InvalidPipelineException("subs must be analyze, stack or combine (a pipeline over a set of files), got "
                        + (key instanceof String ? "'" + key + "'" : key)));
    }
}
