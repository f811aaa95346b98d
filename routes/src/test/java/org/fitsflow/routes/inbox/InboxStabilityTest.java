package org.fitsflow.routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.fitsflow.routes.support.TestStore;
import org.junit.jupiter.api.Test;

class InboxStabilityTest {
    private Instant now = Instant.parse("2026-06-01T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    // stable-seconds = 1 in the test properties
    private final InboxStability stability = new InboxStability(clock, TestStore.properties(Path.of("d"), Path.of("i"), Path.of("o")));

    @Test
    void aFileIsCompleteOnceItsSizeAndMtimeStayedTheSameForTheStableTime() {
        long mtime = now.minusSeconds(10).toEpochMilli();
        assertThat(stability.isComplete("/in/a.fit", 100, mtime)).as("first sight").isFalse();
        advance(Duration.ofMillis(500));
        assertThat(stability.isComplete("/in/a.fit", 100, mtime)).isFalse();
        advance(Duration.ofMillis(600));
        assertThat(stability.isComplete("/in/a.fit", 100, mtime)).isTrue();
    }

    @Test
    void aGrowingFileIsNotComplete() {
        for (int i = 1; i <= 5; i++) {
            advance(Duration.ofMillis(700));
            assertThat(stability.isComplete("/in/b.fit", 100L * i, now.toEpochMilli())).isFalse();
        }
        long lastWrite = now.toEpochMilli();
        advance(Duration.ofMillis(700));
        assertThat(stability.isComplete("/in/b.fit", 500, lastWrite)).isFalse();
        advance(Duration.ofMillis(700));
        assertThat(stability.isComplete("/in/b.fit", 500, lastWrite)).isTrue();
    }

    private void advance(Duration d) {
        now = now.plus(d);
    }
}
