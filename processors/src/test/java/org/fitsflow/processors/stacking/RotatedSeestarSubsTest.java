package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared NGC 7023 subs as if from two nights: two as taken, and the third turned by 70 degrees about the
 * frame centre under a brighter sky (debayered, rotated, mosaicked again in GRBG order, 0.01 added to every
 * photosite, its empty corners filled with sky and noise: {@link TurnedSub}). Every sub registers with no tuning, the turned one
 * at its angle within half a degree. (The seam across coverage is measured on the synthetic nights of
 * {@link NormalisationAcrossNightsTest} and, on rotated real subs, by bench/stack-vs-siril.sh: the corners
 * filled here lack the nebula that fills NGC 7023's frame, a step no normalisation should remove.)
 */
class RotatedSeestarSubsTest {
    private static final double ROTATION_DEGREES = 70;
    private static final float BRIGHTER_SKY = 0.01f;

    @TempDir
    Path folder;
    private final CpuBackend cpu = new CpuBackend();

    @Test
    void aSecondNightTurnedBySeventyDegreesUnderABrighterSkyRegistersWithNoTuning() throws IOException {
        List<Path> subs = new ArrayList<>(SeestarSubs.ngc7023TenSeconds().subList(0, 2));
        subs.add(TurnedSub.write(SeestarSubs.ngc7023TenSeconds().get(2), folder.resolve("Light_rotated.fit"),
                ROTATION_DEGREES, BRIGHTER_SKY));

        // Debayered, turned and mosaicked again, the sub's stars come out wider (2.9 against 2.2 px), which the
        // quality report rightly flags; here the subject is its registration and the seam, so it is kept.
        StackingParameters keepAll = StackingParameters.DEFAULTS.withFraming(Framing.KEEP).withRejectFlagged(false);
        StackResult result = new SubStacker(keepAll, cpu)
                .stack(subs, folder.resolve("work"), ProgressListener.NONE);

        assertThat(result.frames()).allSatisfy(frame -> assertThat(frame.used()).as(frame.reason()).isTrue());
        StackedFrame turned = result.frames().get(2);
        assertThat(Math.abs(Math.toDegrees(turned.transform().angle()))).isCloseTo(ROTATION_DEGREES,
                offset(0.5));
        assertThat(turned.rmsResidual()).isLessThan(0.5);
        assertThat(result.coverage()).isPresent();
    }
}
