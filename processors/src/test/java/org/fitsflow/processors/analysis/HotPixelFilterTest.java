package org.fitsflow.processors.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fitsflow.processors.analysis.SyntheticSky.PlantedStar;
import org.junit.jupiter.api.Test;

class HotPixelFilterTest {
    private static final int W = 300;
    private static final int H = 200;

    @Test
    void replacesLoneHotPhotositesAndLeavesStarsAlone() {
        List<PlantedStar> stars = SyntheticSky.starGrid(W, H, 50, 0.05, 0.4, 1.0, 51);
        float[] mosaic = SyntheticSky.plane(W, H, 0.012, 0.0008, stars, 52);
        int[][] hot = {{101, 37}, {20, 130}, {225, 75}, {77, 120}};
        for (int[] p : hot) {
            mosaic[p[1] * W + p[0]] += 0.03f;
        }

        float[] corrected = HotPixelFilter.corrected(mosaic, W, H);

        for (int[] p : hot) {
            assertThat(corrected[p[1] * W + p[0]]).as("hot photosite at %d,%d", p[0], p[1]).isCloseTo(0.012f, within(0.003f));
        }
        for (PlantedStar s : stars) {
            int i = (int) Math.round(s.y()) * W + (int) Math.round(s.x());
            assertThat(corrected[i]).isEqualTo(mosaic[i]);
        }
        int changed = 0;
        for (int i = 0; i < mosaic.length; i++) {
            changed += corrected[i] != mosaic[i] ? 1 : 0;
        }
        assertThat(changed).isEqualTo(hot.length);
        assertThat(mosaic[37 * W + 101]).as("input untouched").isGreaterThan(0.04f);
    }
}
