package org.fitsflow.routes.nights;

import static org.assertj.core.api.Assertions.assertThat;

import org.fitsflow.routes.store.NightKey;
import org.junit.jupiter.api.Test;

/** The outbox names of nights and deep stacks, and the targets' ids in the API. */
class NightNamesTest {
    @Test
    void aNightIsNamedByTargetDateSubsAndExposure() {
        assertThat(NightNames.nightStem(new NightKey("M 94", "IRCUT", 10.0, "2025-03-26"), 30)).isEqualTo("M 94 2025-03-26 30x10s");
        assertThat(NightNames.nightStem(new NightKey("M 94", "", 2.5, "2025-03-26"), 4)).isEqualTo("M 94 2025-03-26 4x2.5s");
        assertThat(NightNames.deepStem("M 94", "IRCUT")).isEqualTo("M 94 all nights");
    }

    @Test
    void anotherFilterThanTheUsualOneIsNamedSoThatTheProjectsKeepApart() {
        assertThat(NightNames.nightStem(new NightKey("NGC 7000", "LP", 20.0, "2025-08-01"), 90)).isEqualTo("NGC 7000 2025-08-01 90x20s LP");
        assertThat(NightNames.deepStem("NGC 7000", "LP")).isEqualTo("NGC 7000 all nights LP");
    }

    @Test
    void aTargetsFolderIsSafeOnAnyFileSystem() {
        assertThat(NightNames.folder("M 94")).isEqualTo("M 94");
        assertThat(NightNames.folder("../etc/passwd")).isEqualTo("__etc_passwd");
        assertThat(NightNames.folder("a:b*c?")).isEqualTo("a_b_c_");
        assertThat(NightNames.folder("  ")).isEqualTo("Unknown");
    }

    @Test
    void targetIdsAreLowerCaseWordsJoinedByDashes() {
        assertThat(NightNames.targetId("M 94", "IRCUT")).isEqualTo("m-94--ircut");
        assertThat(NightNames.targetId("NGC 7023", "LP")).isEqualTo("ngc-7023--lp");
        assertThat(NightNames.targetId("M 94", "")).isEqualTo("m-94--none");
        assertThat(NightNames.targetId("Sh2-155 (Cave)", "IRCUT")).isEqualTo("sh2-155-cave--ircut");
    }
}
