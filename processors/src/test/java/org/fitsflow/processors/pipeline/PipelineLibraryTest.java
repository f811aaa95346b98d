package org.fitsflow.processors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fitsflow.processors.stacking.StackingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLibraryTest {
    /** Surefire runs in the module folder, where the built-in pipelines are sources. */
    private static final Path SHIPPED = Path.of("src/main/resources/org/fitsflow/processors/pipeline/builtin");

    private final PipelineLibrary library = new PipelineLibrary(new PipelineLoader());
    private final List<String> leftOut = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void theBuiltInPipelinesAreTheShippedFilesSortedByName() throws Exception {
        Map<String, LoadedPipeline> pipelines = library.load(null, this::leaveOut);

        try (Stream<Path> files = Files.list(SHIPPED)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".yaml", "")))
                    .containsExactlyInAnyOrderElementsOf(PipelineLibrary.BUILT_IN);
        }
        assertThat(List.copyOf(pipelines.keySet())).containsExactly("analyze_subs", "deep_stack", "export_fits", "export_pixinsight",
                "export_png", "full_dso", "night_stack", "quick_dso", "stack_subs");
        assertThat(pipelines.values()).allMatch(LoadedPipeline::builtIn);
        assertThat(pipelines.get("quick_dso").describe()).isEqualTo("quick_dso (built-in)");
        assertThat(pipelines.get("quick_dso").definition().exports()).containsExactly(new ExportSpec("jpeg", Map.of("quality", 95)));
        assertThat(pipelines.get("export_pixinsight").definition().steps()).isEmpty();
        assertThat(pipelines.get("analyze_subs").definition().subs()).isEqualTo(SubsMode.ANALYZE);
        assertThat(pipelines.get("stack_subs").definition().subs()).isEqualTo(SubsMode.STACK);
        assertThat(pipelines.get("stack_subs").definition().stacking()).isEqualTo(StackingParameters.DEFAULTS);
        assertThat(pipelines.get("night_stack").definition().stacking())
                .isEqualTo(StackingParameters.DEFAULTS.withQualityReport(true));
        assertThat(PipelineLibrary.builtIn("full_dso")).isEqualTo(pipelines.get("full_dso").definition());
        assertThat(leftOut).isEmpty();
    }

    @Test
    void aMissingFolderLeavesTheBuiltInPipelines() throws Exception {
        assertThat(library.load(dir.resolve("absent"), this::leaveOut)).containsOnlyKeys(PipelineLibrary.BUILT_IN);
        assertThat(leftOut).isEmpty();
    }

    @Test
    void aFileOfTheFolderReplacesTheBuiltInPipelineOfItsNameAndOthersAreAdded() throws Exception {
        Files.writeString(dir.resolve("quick_dso.yaml"), "name: quick_dso\nexports: [{format: png, bits: 16}]\n");
        Files.writeString(dir.resolve("my_preview.yml"), "name: my_preview\nexports: [{format: jpeg, quality: 80}]\n");

        Map<String, LoadedPipeline> pipelines = library.load(dir, this::leaveOut);

        assertThat(pipelines).hasSize(PipelineLibrary.BUILT_IN.size() + 1);
        LoadedPipeline quick = pipelines.get("quick_dso");
        assertThat(quick.builtIn()).isFalse();
        assertThat(quick.definition().exports()).containsExactly(new ExportSpec("png", Map.of("bits", 16)));
        Path file = dir.resolve("quick_dso.yaml").toAbsolutePath().normalize();
        assertThat(quick.describe()).isEqualTo("quick_dso (" + file + ", in place of the built-in one)");
        assertThat(pipelines.get("my_preview").describe())
                .isEqualTo("my_preview (" + dir.resolve("my_preview.yml").toAbsolutePath().normalize() + ")");
        assertThat(pipelines.get("full_dso").builtIn()).isTrue();
    }

    @Test
    void aFileThatDoesNotLoadIsLeftOutWithItsReasonAndTheOthersAreOffered() throws Exception {
        Files.writeString(dir.resolve("good.yaml"), "name: good\nexports: [{format: jpeg}]\n");
        Files.writeString(dir.resolve("bad.yml"), "name: bad\nexports: [{format: jpeg, quality: 0}]\n");
        Files.writeString(dir.resolve("quick_dso.yaml"), "name: other\nexports: [{format: jpeg}]\n");
        Files.writeString(dir.resolve("notes.txt"), "not a pipeline");

        Map<String, LoadedPipeline> pipelines = library.load(dir, this::leaveOut);

        assertThat(pipelines).containsKey("good").doesNotContainKeys("bad", "other");
        assertThat(pipelines.get("quick_dso").builtIn()).as("the broken file does not replace it").isTrue();
        assertThat(leftOut).containsExactly(
                dir.resolve("bad.yml").toAbsolutePath().normalize() + ": export 1: quality must be 1..100, got 0",
                dir.resolve("quick_dso.yaml").toAbsolutePath().normalize() + ": name 'other' must match the file name 'quick_dso'");
    }

    private void leaveOut(Path file, String reason) {
        leftOut.add(file + ": " + reason);
    }
}
