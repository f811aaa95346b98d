package org.fitsflow.routes.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Judges the credentials of a request: {@code Authorization: Bearer <token>} (scripts, Prometheus) or the
 * session cookie the web page got by signing in. A request that sends a bearer token is judged by it
 * alone. Without a configured token everything is allowed, and the service listens on loopback only
 * ({@link NetworkBinding}).
 */
@Component
public class AccessCheck {
    public static final String SESSION_COOKIE = "fitsflow_session";
    private static final String BEARER = "Bearer";

    private final Optional<AccessToken> token;
    private final BrowserSessions sessions;

    public AccessCheck(SecuritySettings settings, BrowserSessions sessions) {
        this.token = settings.accessToken();
        this.sessions = sessions;
    }

    /** Whether a token is configured, i.e. whether requests are checked at all. */
    public boolean required() {
        return token.isPresent();
    }

    public Verdict check(HttpServletRequest request) {
        if (token.isEmpty()) {
            return Verdict.ALLOWED;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            String[] scheme = authorization.strip().split("\\s+", 2);
            if (scheme[0].equalsIgnoreCase(BEARER)) {
                return scheme.length == 2 && matches(scheme[1]) ? Verdict.ALLOWED : Verdict.WRONG_TOKEN;
            }
        }
        String session = sessionCookie(request);
        if (session == null) {
            return Verdict.MISSING;
        }
        return sessions.isOpen(session) ? Verdict.ALLOWED : Verdict.SESSION_ENDED;
    }

    /** A token someone typed into the page's sign-in. */
    public boolean matches(String candidate) {
        return token.map(t -> t.matches(candidate)).orElse(false);
    }

    public static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> SESSION_COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }
}
