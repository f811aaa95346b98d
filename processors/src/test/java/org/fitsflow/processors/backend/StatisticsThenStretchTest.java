package org.fitsflow.processors.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fitsflow.processors.stats.ChannelStatistics;
import org.junit.jupiter.api.Test;

/** The operation every backend inherits unless it can keep the planes nearer: statistics, a rule, the stretches. */
class StatisticsThenStretchTest {
    private final ComputeBackend cpu = Backends.cpu();

    @Test
    void theRuleSeesEveryPlanesStatisticsAndItsStretchesAreApplied() {
        float[][] planes = {sky(1, 0.05), sky(2, 0.07), sky(3, 0.09)};
        float[][] expected = new float[3][];
        List<ChannelStretch> chosen = List.of(new ChannelStretch(0.04, 0.1), new ChannelStretch(0.06, 0.2), new ChannelStretch(1.2, 0.3));
        for (int c = 0; c < 3; c++) {
            expected[c] = planes[c].clone();
            cpu.stretch(expected[c], chosen.get(c).c0(), chosen.get(c).m());
        }
        List<ChannelStatistics> seen = new ArrayList<>();
        List<ChannelStatistics> separately = List.of(cpu.statistics(planes[0]), cpu.statistics(planes[1]), cpu.statistics(planes[2]));

        List<ChannelStretch> applied = cpu.statisticsThenStretch(planes, statistics -> {
            seen.addAll(statistics);
            return chosen;
        });

        assertThat(seen).isEqualTo(separately);
        assertThat(applied).isEqualTo(chosen);
        for (int c = 0; c < 3; c++) {
            assertThat(planes[c]).as("channel " + c).containsExactly(expected[c]);
        }
    }

    @Test
    void aRuleThatRefusesLeavesThePlanesAsTheyWere() {
        float[][] planes = {sky(4, 0.05)};
        float[] before = planes[0].clone();

        assertThatThrownBy(() -> cpu.statisticsThenStretch(planes, statistics -> {
            throw new IllegalArgumentException("refused");
        })).hasMessage("refused");

        assertThat(planes[0]).containsExactly(before);
    }

    private static float[] sky(long seed, double level) {
        Random random = new Random(seed);
        float[] plane = new float[20_000];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) (level + 0.01 * random.nextGaussian());
        }
        return plane;
    }
}
