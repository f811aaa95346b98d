package org.fitsflow.routes.security;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code fitsflow.security.*} settings.
 *
 * @param token       the access token of the API, the page's data and {@code /actuator/prometheus}; usually
 *                    given as the environment variable {@code FITSFLOW_SECURITY_TOKEN}. Without one the
 *                    service listens on the loopback interface only.
 * @param openNetwork without a token, listen on every interface anyway (warned about at start-up)
 */
@ConfigurationProperties("fitsflow.security")
public record SecuritySettings(String token, boolean openNetwork) {
    static final int MIN_TOKEN_LENGTH = 16;

    /**
     * The token, checked; empty when none is set.
     *
     * @throws IllegalStateException when a token is set but blank or too short to resist guessing (the
     *                               message never quotes it)
     */
    public Optional<AccessToken> accessToken() {
        if (token == null) {
            return Optional.empty();
        }
        if (token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("fitsflow.security.token (FITSFLOW_SECURITY_TOKEN) is set but " + (token.isBlank()
                    ? "blank" : "shorter than " + MIN_TOKEN_LENGTH + " characters")
                    + "; use a long random one, e.g. the output of `openssl rand -hex 32`, or remove the setting");
        }
        return Optional.of(new AccessToken(token.strip()));
    }

    @Override
    public String toString() {
        return "SecuritySettings[token=" + (token == null ? "none" : "(set)") + ", openNetwork=" + openNetwork + "]";
    }
}
