package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.analysis.BackgroundMesh;
import org.fitsflow.processors.analysis.FrameAnalyzer;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.analysis.StarDetectionParameters;
import org.fitsflow.processors.analysis.StarField;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.FitsWriter;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Stacks the three NGC 7023 10 s subs of the shared data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubStackerTest {
    private final CpuBackend cpu = new CpuBackend();
    private final FrameAnalyzer analyzer = new FrameAnalyzer(StarDetectionParameters.DEFAULTS);
    @TempDir
    static Path work;
    private StackResult result;
    private final List<Double> progress = new ArrayList<>();

    @BeforeAll
    void stack() throws IOException {
        ProgressListener listener = (percent, step) -> progress.add(percent);
        result = new SubStacker(StackingParameters.DEFAULTS, cpu).stack(SeestarSubs.ngc7023TenSeconds(), work, listener);
    }

    @Test
    void usesAllThreeSubsWithPreciseRegistration() {
        assertThat(result.usedCount()).isEqualTo(3);
        for (StackedFrame frame : result.frames()) {
            assertThat(frame.used()).as(frame.file() + ": " + frame.reason()).isTrue();
            assertThat(frame.matchedStars()).isGreaterThanOrEqualTo(20);
            assertThat(frame.rmsResidual()).isLessThan(0.5);
        }
        assertThat(progress).isNotEmpty().isSortedAccordingTo(Double::compare);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(100.0);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void lowersTheSkyNoiseByAtLeastOneAndAHalf() throws IOException {
        Image reference = FitsReader.read(result.reference());
        double subNoise = noise(FrameAnalyzer.measurementPlane(reference, cpu), reference.width(), reference.height());
        Image master = result.master();
        double stackNoise = noise(FrameAnalyzer.measurementPlane(master, cpu), master.width(), master.height());

        assertThat(subNoise / stackNoise).isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void starsAreNotDoubled() throws IOException {
        List<Double> subFwhm = new ArrayList<>();
        for (Path sub : SeestarSubs.ngc7023TenSeconds()) {
            subFwhm.add(analyzer.stars(FitsReader.read(sub), cpu).medianFwhm());
        }
        double subsMedian = subFwhm.stream().sorted().toList().get(1);
        StarField stacked = analyzer.stars(result.master(), cpu);

        assertThat(stacked.medianFwhm()).isCloseTo(subsMedian, within(0.15 * subsMedian));
        assertThat(stacked.medianRoundness()).isGreaterThan(0.65);
        assertThat(stacked.count()).isGreaterThan(300);
    }

    @Test
    void rawSubsAreDebayeredWithRcdUnlessThePipelineSaysBilinear(@TempDir Path bilinearWork) throws IOException {
        StackResult bilinear = new SubStacker(StackingParameters.DEFAULTS.withDebayer(DebayerMethod.BILINEAR), cpu)
                .stack(SeestarSubs.ngc7023TenSeconds(), bilinearWork, ProgressListener.NONE);
        double rcdFwhm = analyzer.stars(result.master(), cpu).medianFwhm();
        double bilinearFwhm = analyzer.stars(bilinear.master(), cpu).medianFwhm();

        // The same subs, registered on the same stars: only the debayer differs, and RCD keeps the stars narrower.
        assertThat(rcdFwhm).isLessThan(0.98 * bilinearFwhm);
        assertThat(result.history()).contains("rcd debayer of raw subs");
        assertThat(bilinear.history()).contains("bilinear debayer of raw subs");
    }

    @Test
    void masterIsWrittenAsThirtyTwoBitColourFits() throws IOException {
        Path file = work.resolve("master.fits");
        FitsWriter.writeFloat32(result.master(), file, List.of("stacked 3 subs"));

        Image back = FitsReader.read(file);
        assertThat(back.channels()).isEqualTo(3);
        assertThat(back.header().summary().bitpix()).isEqualTo(-32);
        assertThat(back.header().summary().stackCount()).isEqualTo(3);
        assertThat(back.header().summary().bayerPattern()).isNull();
        assertThat(back.plane(1)[540 * 1080 + 540]).isEqualTo(result.master().plane(1)[540 * 1080 + 540]);
        Files.delete(file);
    }

    @Test
    void refusesWhenNothingCanBeStacked() throws IOException {
        Path bad = Files.writeString(work.resolve("not-a-fits.fit"), "SIMPLE  = nonsense");
        assertThatThrownBy(() -> new SubStacker(StackingParameters.DEFAULTS, cpu).stack(List.of(bad), work, ProgressListener.NONE))
                .isInstanceOf(StackingException.class).hasMessageStartingWith("no sub can be stacked: not-a-fits.fit: unreadable: ");
        Files.delete(bad);
    }

    private static double noise(float[] plane, int width, int height) {
        return BackgroundMesh.measure(plane, width, height, 64).noise();
    }
}
