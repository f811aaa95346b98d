package org.fitsflow.routes.nights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Nights run from local noon to local noon, local being mean solar time at the site's longitude. */
class NightClockTest {
    /** The M 94 subs' site: SITELONG -79.7625, 5 h 19 min behind UTC. */
    private static final NightClock CAROLINA = NightClock.at(-79.7625);

    @Test
    void anEveningAndTheFollowingSmallHoursAreOneNight() {
        assertThat(CAROLINA.nightDate(Instant.parse("2025-03-27T01:20:32Z"))).hasToString("2025-03-26");
        assertThat(CAROLINA.nightDate(Instant.parse("2025-03-27T10:00:00Z"))).as("05:41 local").hasToString("2025-03-26");
        assertThat(CAROLINA.nightDate(Instant.parse("2025-03-26T23:00:00Z"))).as("17:41 local").hasToString("2025-03-26");
    }

    @Test
    void theNightChangesAtLocalNoonNotAtUtcNoon() {
        // local noon at -79.7625 is 17:19:03 UTC
        assertThat(CAROLINA.nightDate(Instant.parse("2025-03-27T17:19:00Z"))).hasToString("2025-03-26");
        assertThat(CAROLINA.nightDate(Instant.parse("2025-03-27T17:19:10Z"))).hasToString("2025-03-27");
        assertThat(CAROLINA.nightEnd(Instant.parse("2025-03-27T01:20:32Z"))).isEqualTo(Instant.parse("2025-03-27T17:19:03Z"));
    }

    @Test
    void withoutALongitudeNightsFollowUtc() {
        NightClock utc = NightClock.at(null);
        assertThat(utc.nightDate(Instant.parse("2025-03-27T11:59:59Z"))).hasToString("2025-03-26");
        assertThat(utc.nightDate(Instant.parse("2025-03-27T12:00:00Z"))).hasToString("2025-03-27");
        assertThat(utc.nightEnd(Instant.parse("2025-03-27T01:00:00Z"))).isEqualTo(Instant.parse("2025-03-27T12:00:00Z"));
    }

    @Test
    void eastOfGreenwichTheLocalNoonComesEarlier() {
        NightClock tokyo = NightClock.at(139.7);
        // 139.7 deg: 9 h 18 min 48 s ahead; noon at 02:41:12 UTC
        assertThat(tokyo.nightDate(Instant.parse("2025-03-27T02:41:00Z"))).hasToString("2025-03-26");
        assertThat(tokyo.nightDate(Instant.parse("2025-03-27T02:42:00Z"))).hasToString("2025-03-27");
    }

    @Test
    void dateObsIsReadWithOrWithoutAZone() {
        assertThat(NightClock.dateObs("2025-03-27T01:20:32.955368")).contains(Instant.parse("2025-03-27T01:20:32.955368Z"));
        assertThat(NightClock.dateObs("2025-03-27T01:20:32Z")).contains(Instant.parse("2025-03-27T01:20:32Z"));
        assertThat(NightClock.dateObs("yesterday")).isEmpty();
        assertThat(NightClock.dateObs(null)).isEmpty();
    }
}
