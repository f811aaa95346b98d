package org.fitsflow.routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeestarStackTest {
    @Test
    void parsesTheSeestarStackName() {
        SeestarStack stack = SeestarStack.parse("MyWorks/M 42/Stacked_453_M 42_10.0s_IRCUT_20240101-210000.fit", 5).orElseThrow();
        assertThat(stack.folder()).isEqualTo("MyWorks/M 42");
        assertThat(stack.frames()).isEqualTo(453);
        assertThat(stack.series()).isEqualTo("M 42_10.0s_IRCUT");
        assertThat(SeestarStack.parse("Stacked_12_NGC_7023_20.0s_LP_20250630-023420.FITS", 1).orElseThrow().series())
                .isEqualTo("NGC_7023_20.0s_LP");
        assertThat(SeestarStack.parse("MyWorks/M 42_sub/Light_M 42_10.0s_IRCUT_20240101-210000.fit", 1)).isEmpty();
        assertThat(SeestarStack.parse("Stacked_x_M 42_10.0s_IRCUT_20240101-210000.fit", 1)).isEmpty();
    }

    @Test
    void moreFramesOrTheSameCountLaterSupersedesWithinASeries() {
        SeestarStack s74 = SeestarStack.parse("a/Stacked_74_M 42_10.0s_IRCUT_20240101-200000.fit", 100).orElseThrow();
        SeestarStack s453 = SeestarStack.parse("a/Stacked_453_M 42_10.0s_IRCUT_20240101-210000.fit", 50).orElseThrow();
        SeestarStack s453later = SeestarStack.parse("a/Stacked_453_M 42_10.0s_IRCUT_20240101-210500.fit", 60).orElseThrow();
        SeestarStack otherFolder = SeestarStack.parse("b/Stacked_900_M 42_10.0s_IRCUT_20240101-210000.fit", 1).orElseThrow();
        SeestarStack otherFilter = SeestarStack.parse("a/Stacked_900_M 42_10.0s_LP_20240101-210000.fit", 1).orElseThrow();

        assertThat(s74.isSupersededBy(s453)).isTrue();
        assertThat(s453.isSupersededBy(s74)).isFalse();
        assertThat(s453.isSupersededBy(s453later)).isTrue();
        assertThat(s453later.isSupersededBy(s453)).isFalse();
        assertThat(s74.isSupersededBy(otherFolder)).isFalse();
        assertThat(s74.isSupersededBy(otherFilter)).isFalse();
    }
}
