package org.fitsflow.processors.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * File names for a pipeline's outputs: {@code <stem>.<ext>}; a later export with an extension already
 * used gets a counter, {@code <stem>-2.<ext>}, so that two exports never overwrite each other.
 */
final class OutputNames {
    private OutputNames() {
    }

    static List<String> of(String stem, List<String> extensions) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (String extension : extensions) {
            int count = seen.merge(extension, 1, Integer::sum);
            names.add(count == 1 ? stem + "." + extension : stem + "-" + count + "." + extension);
        }
        return names;
    }
}
