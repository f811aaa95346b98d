package org.fitsflow.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.TestFits;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLoader;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point decides between one file and a set of subs, and nobody else does. */
class ProcessingTest {
    private final PipelineLoader loader = new PipelineLoader();
    private final PipelineDefinition oneFile = loader.parse("name: one\nexports: [{format: png}]\n");
    private final PipelineDefinition analyze = loader.parse("name: a\nsubs: analyze\nexports: [{format: jpeg}]\n");

    @TempDir
    Path dir;

    @Test
    void aPipelineOverSubsRunsOverTheSetHoweverManyFilesItGetsAndAnyOtherOnOneFile() {
        assertThat(Processing.runsOverSet(oneFile, 1)).isFalse();
        assertThat(Processing.runsOverSet(oneFile, 2)).isTrue();
        assertThat(Processing.runsOverSet(analyze, 1)).isTrue();
    }

    @Test
    void oneFileGivesTheOutputsOfItsPipeline() throws Exception {
        Path frame = TestFits.image(16, 8, 4).samples(new double[32]).writeTo(dir.resolve("frame.fit"));

        PipelineResult result = Processing.run(oneFile, List.of(frame), dir.resolve("out"), "frame.one", new CpuBackend(),
                ProgressListener.NONE);

        assertThat(result.outputs()).containsExactly(dir.resolve("out/frame.one.png"));
        assertThat(result.backend()).isEqualTo("cpu");
    }

    @Test
    void anImageAlreadyDecodedIsNotReadAgain() throws Exception {
        Image image = FitsReader.read(TestFits.image(16, 8, 4).samples(new double[32]).writeTo(dir.resolve("read.fit")));
        Path gone = dir.resolve("never-written.fit");

        PipelineResult result = Processing.run(oneFile, List.of(gone), input -> Optional.of(image), dir.resolve("out"),
                "gone.one", new CpuBackend(), ProgressListener.NONE);

        assertThat(result.outputs()).containsExactly(dir.resolve("out/gone.one.png"));
    }

    @Test
    void aPipelineOverOneFileRefusesSeveralSayingWhy() throws Exception {
        Path a = TestFits.image(16, 8, 4).samples(new double[32]).writeTo(dir.resolve("a.fit"));
        Path b = TestFits.image(16, 8, 4).samples(new double[32]).writeTo(dir.resolve("b.fit"));

        assertThatThrownBy(() -> Processing.run(oneFile, List.of(a, b), dir.resolve("out"), "ab", new CpuBackend(),
                ProgressListener.NONE))
                .isInstanceOf(InvalidPipelineException.class).hasMessageContaining("works on one file");
    }
}
