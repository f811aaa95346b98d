package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tests run under G1, the JVM's default and the service's collector. */
class HeapCeilingTest {

    @Test
    void underG1PlanesGrowingTheOldGenerationTriggerNoFullCollection() {
        GarbageCollectorMXBean full = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().equals("G1 Old Generation")).findFirst().orElse(null);
        assumeTrue(full != null, "not running under G1");
        HeapCeiling ceiling = new HeapCeiling(1 << 20);
        long before = full.getCollectionCount();
        List<float[]> planes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // 8 MB, a 1080 x 1920 plane: humongous, so allocated straight into G1's old generation
            planes.add(new float[1080 * 1920]);
            ceiling.check();
        }
        assertThat(planes).hasSize(12);
        assertThat(full.getCollectionCount()).isEqualTo(before);
    }
}
