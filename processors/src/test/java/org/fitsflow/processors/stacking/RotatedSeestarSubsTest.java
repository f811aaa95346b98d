package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.analysis.SeestarSubs;
import org.fitsflow.processors.backend.CpuBackend;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.fits.FitsWriter;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.Image;
import org.fitsflow.processors.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared NGC 7023 subs as if from two nights: two as taken, and the third turned by 70 degrees about the
 * frame centre under a brighter sky (debayered, rotated, mosaicked again in GRBG order, 0.01 added to every
 * photosite). Every sub registers with no tuning, and the master kept whole shows no step where coverage
 * changes: within 0.5 sigma of the sky noise of the best-covered area.
 */
class RotatedSeestarSubsTest {
    private static final double ROTATION_DEGREES = 70;
    private static final float BRIGHTER_SKY = 0.01f;

    @TempDir
    Path folder;
    private final CpuBackend cpu = new CpuBackend();

    @Test
    void aSecondNightTurnedBySeventyDegreesUnderABrighterSkyStacksWithoutASeam() throws IOException {
        List<Path> subs = new ArrayList<>(SeestarSubs.ngc7023TenSeconds().subList(0, 2));
        subs.add(rotated(SeestarSubs.ngc7023TenSeconds().get(2), folder.resolve("Light_rotated.fit")));

        StackResult result = new SubStacker(StackingParameters.DEFAULTS.withFraming(Framing.KEEP), cpu)
                .stack(subs, folder.resolve("work"), ProgressListener.NONE);

        assertThat(result.frames()).allSatisfy(frame -> assertThat(frame.used()).as(frame.reason()).isTrue());
        StackedFrame turned = result.frames().get(2);
        assertThat(Math.abs(Math.toDegrees(turned.transform().angle()))).isCloseTo(ROTATION_DEGREES,
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(turned.rmsResidual()).isLessThan(0.5);
        assertThat(CoverageSteps.largestInSigmas(result)).isLessThan(0.5);
    }

    /** The sub turned about its centre (bilinear debayer and resampling), mosaicked again, its sky raised. */
    private Path rotated(Path sub, Path target) throws IOException {
        Image image = FitsReader.read(sub);
        int w = image.width();
        int h = image.height();
        float[][] rgb = cpu.debayer(image.plane(0), w, h, "GRBG");
        double a = Math.toRadians(ROTATION_DEGREES);
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        // Output pixel p takes the source at R(a)(p - c) + c: the field appears turned by -a.
        RigidTransform turn = new RigidTransform(a, cx - (Math.cos(a) * cx - Math.sin(a) * cy),
                cy - (Math.sin(a) * cx + Math.cos(a) * cy));
        float[][] turned = new float[3][];
        for (int c = 0; c < 3; c++) {
            turned[c] = Resampler.resample(rgb[c], w, h, turn, Interpolation.BILINEAR);
        }
        float[] mosaic = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int colour = y % 2 == 0 ? (x % 2 == 0 ? 1 : 0) : (x % 2 == 0 ? 2 : 1);
                float v = turned[colour][y * w + x];
                // The corners the turned frame leaves empty take the sub's sky, as a wider sensor would see it.
                mosaic[y * w + x] = (Float.isNaN(v) ? skyOf(rgb[colour]) : v) + BRIGHTER_SKY;
            }
        }
        List<HeaderCard> cards = new ArrayList<>(image.header().cards());
        FitsWriter.writeFloat32(new Image(w, h, new float[][] {mosaic}, new FitsHeader(cards, image.header().summary())),
                target, List.of());
        return target;
    }

    private static float skyOf(float[] plane) {
        float[] sample = new float[plane.length / 97];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = plane[i * 97];
        }
        java.util.Arrays.sort(sample);
        return sample[sample.length / 2];
    }
}
