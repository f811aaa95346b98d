package org.fitsflow.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The service's packages, read from their sources: no two of them import each other. */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String PREFIX = "org.fitsflow.routes";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    /** An import, or a fully qualified name in the code, of a class of the service: its package is the lower-case part. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.fitsflow\\.routes(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noTwoPackagesImportEachOther() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> pairs = new ArrayList<>();
        uses.forEach((from, targets) -> targets.stream()
                .filter(to -> from.compareTo(to) < 0 && uses.getOrDefault(to, Set.of()).contains(from))
                .forEach(to -> pairs.add(from + " <-> " + to)));

        assertThat(uses).as("packages read").hasSizeGreaterThan(10);
        assertThat(pairs).isEmpty();
    }

    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    continue;
                }
                String own = declared.group(1);
                Set<String> targets = uses.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(source.substring(declared.end()));
                while (reference.find()) {
                    if (!reference.group(1).equals(own) && reference.group(1).startsWith(PREFIX)) {
                        targets.add(reference.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
