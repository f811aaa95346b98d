package org.fitsflow.routes.nights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A site's night: from one local noon to the next, local time being mean solar time at the site's longitude
 * ({@code SITELONG / 15} hours from UTC; UTC when the header gives none). Time zones and daylight saving do not
 * matter here: a night ends at the noon between two nights, wherever the clocks put it.
 */
public record NightClock(Duration offset) {
    private static final LocalTime NOON = LocalTime.NOON;

    public static NightClock at(Double siteLongitude) {
        if (siteLongitude == null || !Double.isFinite(siteLongitude)) {
            return new NightClock(Duration.ZERO);
        }
        return new NightClock(Duration.ofSeconds(Math.round(siteLongitude / 15 * 3600)));
    }

    /** The local date on which the night of {@code taken} began (its first noon). */
    public LocalDate nightDate(Instant taken) {
        return LocalDateTime.ofInstant(taken.plus(offset).minus(Duration.ofHours(12)), ZoneOffset.UTC).toLocalDate();
    }

    /** The local noon that ends the night of {@code taken}. */
    public Instant nightEnd(Instant taken) {
        return nightDate(taken).plusDays(1).atTime(NOON).toInstant(ZoneOffset.UTC).minus(offset);
    }

    /** DATE-OBS as the FITS standard writes it (UTC, with or without a zone). */
    public static Optional<Instant> dateObs(String dateObs) {
        if (dateObs == null || dateObs.isBlank()) {
            return Optional.empty();
        }
        String value = dateObs.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }
}
