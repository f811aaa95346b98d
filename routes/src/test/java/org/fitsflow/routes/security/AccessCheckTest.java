package org.fitsflow.routes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.fitsflow.routes.support.TestClock;
import org.junit.jupiter.api.Test;

/** The token's checks and the page's sign-in sessions, without a server. */
class AccessCheckTest {
    private static final String TOKEN = "0123456789abcdef-token";

    @Test
    void aTokenMatchesOnlyItselfAndATooShortOrBlankOneStopsTheStartWithoutQuotingIt() {
        AccessToken token = new SecuritySettings(TOKEN, false).accessToken().orElseThrow();
        assertThat(token.matches(TOKEN)).isTrue();
        assertThat(token.matches(TOKEN + "x")).isFalse();
        assertThat(token.matches(TOKEN.substring(1))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain(TOKEN);
        assertThat(new SecuritySettings(TOKEN, false).toString()).doesNotContain(TOKEN);
        assertThat(new SecuritySettings(null, false).accessToken()).isEmpty();

        assertThatThrownBy(() -> new SecuritySettings("short-secret", false).accessToken())
                .hasMessageContaining("shorter than 16 characters").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> new SecuritySettings("  ", false).accessToken()).hasMessageContaining("blank");
    }

    @Test
    void aSignInLastsUntilItIsClosedOrItsLifetimeHasPassed() {
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        BrowserSessions sessions = new BrowserSessions(clock);
        String first = sessions.open();
        String second = sessions.open();
        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.isOpen(first)).isTrue();
        assertThat(sessions.isOpen(first + "x")).isFalse();
        assertThat(sessions.isOpen(null)).isFalse();

        sessions.close(first);
        assertThat(sessions.isOpen(first)).isFalse();
        assertThat(sessions.isOpen(second)).isTrue();

        clock.advance(BrowserSessions.LIFETIME.minusSeconds(1));
        assertThat(sessions.isOpen(second)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.isOpen(second)).isFalse();
    }

    @Test
    void theOldestSignInsMakeRoomWhenThereAreTooMany() {
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        BrowserSessions sessions = new BrowserSessions(clock);
        String oldest = sessions.open();
        clock.advance(Duration.ofMinutes(1));
        String next = sessions.open();
        for (int i = 2; i < BrowserSessions.MAX_SESSIONS; i++) {
            sessions.open();
        }
        assertThat(sessions.isOpen(oldest)).isTrue();

        String newest = sessions.open();
        assertThat(sessions.isOpen(oldest)).isFalse();
        assertThat(sessions.isOpen(next)).isTrue();
        assertThat(sessions.isOpen(newest)).isTrue();
    }
}
