package org.fitsflow.processors.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.analysis.BackgroundMesh;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.FitsWriter;
import org.fitsflow.processors.fits.InvalidFitsException;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.processors.pipeline.PipelineResult;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.fitsflow.processors.stacking.Framing;
import org.fitsflow.processors.stacking.NightCombiner;
import org.fitsflow.processors.stacking.StackResult;
import org.fitsflow.processors.stacking.StackingParameters;
import org.fitsflow.processors.stacking.SubStacker;
import org.fitsflow.processors.stacking.TurnedSub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in deep_stack over night masters stacked from the four real M 94 subs of the shared data: the first
 * two make one night, the last two another, and the last two turned by 30 degrees under a brighter sky a third,
 * as an alt-az mount sees the field on another night. Each night has independent noise (other exposures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepStackTest {
    private static final double TURN_DEGREES = 30;
    private final CpuBackend cpu = new CpuBackend();
    private final PipelineDefinition deepStack = PipelineLibrary.builtIn("deep_stack");
    @TempDir
    static Path dir;
    private List<Path> subs;
    private Path first;
    private Path second;
    private Path turned;

    @BeforeAll
    void stackThreeNights() throws IOException {
        subs = SeestarSubs.all().stream().filter(f -> f.getFileName().toString().startsWith("Light_M_94")).toList();
        first = night(subs.subList(0, 2), "first.fits");
        second = night(subs.subList(2, 4), "second.fits");
        List<Path> turnedSubs = new ArrayList<>();
        for (Path sub : subs.subList(2, 4)) {
            turnedSubs.add(TurnedSub.write(sub, dir.resolve("turned-" + sub.getFileName()), TURN_DEGREES, 0.005f));
        }
        turned = night(turnedSubs, "turned.fits");
    }

    @Test
    void twoEqualNightsGiveSkyNoiseNearOneOverRootTwoOfEither() throws IOException {
        PipelineResult result = new SubsetProcessor(cpu).run(List.of(first, second), deepStack, dir.resolve("deep"),
                "M 94 all nights", ProgressListener.NONE);

        assertThat(result.outputs()).extracting(p -> p.getFileName().toString())
                .containsExactly("M 94 all nights.jpg", "M 94 all nights.fits");
        assertThat(result.thumbnails()).extracting(t -> t.file().getFileName().toString())
                .containsExactly("M 94 all nights.320.jpg", "M 94 all nights.1080.jpg");
        Image deep = FitsReader.read(dir.resolve("deep/M 94 all nights.fits"));
        double ratioToFirst = skyNoise(deep) / skyNoise(FitsReader.read(first));
        double ratioToSecond = skyNoise(deep) / skyNoise(FitsReader.read(second));
        // Equal nights with independent noise, weighted by inverse variance: 1 / sqrt 2 = 0.707 of either, within
        // 0.1. The resampling of one night onto the other's grid smooths its noise a little more (0.65 and 0.67 here).
        assertThat(ratioToFirst).isCloseTo(1 / Math.sqrt(2), offset(0.1));
        assertThat(ratioToSecond).isCloseTo(1 / Math.sqrt(2), offset(0.1));
        Map<String, Object> m = result.measurements();
        assertThat(m).containsEntry("nights", 2).containsEntry("nights_combined", 2L).containsEntry("stack_count", 4)
                .containsEntry("total_exposure_seconds", 40.0).containsEntry("rejected", List.of());
    }

    @Test
    void aNightWithTheFieldTurnedRegistersAndTheHeaderSumsTheNights() throws IOException {
        PipelineResult result = new SubsetProcessor(cpu).run(List.of(first, turned), deepStack, dir.resolve("turned"),
                "deep", ProgressListener.NONE);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> used = (List<Map<String, Object>>) result.measurements().get("used");
        assertThat(used).hasSize(2).allSatisfy(night -> {
            assertThat((Integer) night.get("matched_stars")).isGreaterThanOrEqualTo(20);
            assertThat((Double) night.get("registration_rms_px")).isLessThan(0.5);
        });
        Image deep = FitsReader.read(dir.resolve("turned/deep.fits"));
        Image one = FitsReader.read(first);
        Image other = FitsReader.read(turned);
        assertThat(skyNoise(deep)).isLessThan(Math.min(skyNoise(one), skyNoise(other)));
        assertThat(deep.header().summary().stackCount()).isEqualTo(4);
        assertThat(deep.header().doubleValue("TOTALEXP")).contains(40.0);
        assertThat(deep.header().doubleValue("LIVETIME")).contains(40.0);
        assertThat(deep.header().stringValue("DATE-OBS")).isEqualTo(one.header().stringValue("DATE-OBS"));
        assertThat(deep.header().stringValue("DATE-END")).isEqualTo(other.header().stringValue("DATE-END"));
        List<String> history = deep.header().cards().stream().filter(c -> c.keyword().equals("HISTORY"))
                .map(c -> c.comment() != null ? c.comment() : c.value()).map(String::strip).toList();
        assertThat(history).contains("FitsFlow deep_stack").anyMatch(l -> l.startsWith("deep stack: combined 2 of 2 nights on "))
                .anyMatch(l -> l.startsWith("night first.fits: 2 subs, 20.0 s, w "))
                .anyMatch(l -> l.startsWith("night turned.fits: 2 subs, 20.0 s, w "))
                .noneMatch(l -> l.startsWith("stacked 2 of 2 subs"));
        // Cropped to the area both nights cover: the turned night's frame cuts the corners off.
        assertThat(deep.width()).isLessThan(one.width());
    }

    @Test
    void theTurnedNightIsFoundAtItsAngle() throws IOException {
        // The registration of the nights, read from the combine itself: the turned night maps at 30 degrees.
        StackResult combined = new NightCombiner(deepStack.stacking(), cpu)
                .combine(List.of(first, turned), dir.resolve("work"), ProgressListener.NONE);
        assertThat(Math.abs(Math.toDegrees(combined.frames().get(1).transform().angle())))
                .isCloseTo(TURN_DEGREES, offset(0.3));
    }

    @Test
    void aMasterKeptWholeWithNoDataOutsideItsCoverageCombinesToo() throws IOException {
        // framing: keep leaves NaN where no sub of the night reached: measured and combined as no data
        Path whole = night(subs.subList(2, 4), StackingParameters.DEFAULTS.withRejectFlagged(false)
                .withFraming(Framing.KEEP), "whole.fits");
        assertThat(FitsReader.read(whole).plane(1)).contains(Float.NaN);

        PipelineResult result = new SubsetProcessor(cpu).run(List.of(first, whole), deepStack, dir.resolve("whole"),
                "deep", ProgressListener.NONE);

        assertThat(result.measurements()).containsEntry("nights_combined", 2L);
        Image deep = FitsReader.read(dir.resolve("whole/deep.fits"));
        assertThat(deep.plane(1)).doesNotContain(Float.NaN);
        assertThat(skyNoise(deep)).isLessThan(skyNoise(FitsReader.read(first)));
    }

    @Test
    void aRawSubAnotherSizeOrNotFitsIsRefusedSayingWhy() throws IOException {
        SubsetProcessor processor = new SubsetProcessor(cpu);
        Path out = dir.resolve("refused");
        assertThatThrownBy(() -> processor.run(List.of(first, subs.get(0)), deepStack, out, "x", ProgressListener.NONE))
                .isInstanceOf(InvalidFitsException.class).hasMessage(subs.get(0).getFileName() + " is not a night "
                        + "master but a raw sub (one plane, BAYERPAT GRBG); a deep stack combines the 3-plane masters "
                        + "that night_stack and stack_subs write (with STACKCNT)");
        Image master = FitsReader.read(first);
        Path small = dir.resolve("small.fits");
        FitsWriter.writeFloat32(new Image(500, 800, cropped(master, 500, 800), master.header()), small, List.of());
        assertThatThrownBy(() -> processor.run(List.of(first, small), deepStack, out, "x", ProgressListener.NONE))
                .isInstanceOf(InvalidFitsException.class).hasMessage(String.format("small.fits is 500 x 800, the "
                                + "reference night first.fits %d x %d: the nights of a deep stack are masters of one "
                                + "sensor, cropped by a few pixels at most", master.width(), master.height()));
        Path text = Files.writeString(dir.resolve("notes.fits"), "not a FITS file");
        assertThatThrownBy(() -> processor.run(List.of(first, text), deepStack, out, "x", ProgressListener.NONE))
                .isInstanceOf(InvalidFitsException.class).hasMessageStartingWith("notes.fits: ");
        assertThat(out).isEmptyDirectory();
    }

    private Path night(List<Path> nightSubs, String name) throws IOException {
        // Bilinear, as TurnedSub develops the turned night: its bilinear debayer and rotation leave it so smooth
        // at the pixel scale that RCD masters (7 % more pixel-scale noise in the first night) give a deep stack
        // only as quiet as the turned night alone (5.162e-4 against 5.148e-4), not quieter.
        return night(nightSubs, StackingParameters.DEFAULTS.withRejectFlagged(false).withDebayer(DebayerMethod.BILINEAR),
                name);
    }

    private Path night(List<Path> nightSubs, StackingParameters parameters, String name) throws IOException {
        StackResult stack = new SubStacker(parameters, cpu).stack(nightSubs, dir.resolve("work-" + name),
                ProgressListener.NONE);
        Path file = dir.resolve(name);
        FitsWriter.writeFloat32(stack.master(), file, stack.history());
        return file;
    }

    private static float[][] cropped(Image image, int width, int height) {
        float[][] planes = new float[image.channels()][width * height];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(image.plane(c), y * image.width(), planes[c], y * width, width);
            }
        }
        return planes;
    }

    /** The sky noise of the green plane, as the stacking tests measure it. */
    private static double skyNoise(Image image) {
        return BackgroundMesh.measure(image.plane(1), image.width(), image.height(), 64).noise();
    }
}
