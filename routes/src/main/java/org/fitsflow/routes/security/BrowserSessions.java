package org.fitsflow.routes.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Sign-ins of the web page: after the page has given the token once, its browser holds a random session
 * id in an HttpOnly cookie instead. The ids are kept in memory only, as digests, so a restart or a
 * sign-out ends them and the page asks for the token again; the token itself is never handed out.
 */
@Component
public class BrowserSessions {
    static final Duration LIFETIME = Duration.ofDays(30);
    /** Beyond this many, the session closest to its end makes room for a new one. */
    static final int MAX_SESSIONS = 1000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> ends = new ConcurrentHashMap<>();

    public BrowserSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session; its id goes into the cookie. */
    public synchronized String open() {
        Instant now = clock.instant();
        ends.values().removeIf(end -> !end.isAfter(now));
        while (ends.size() >= MAX_SESSIONS) {
            ends.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> ends.remove(e.getKey()));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ends.put(key(id), now.plus(LIFETIME));
        return id;
    }

    public boolean isOpen(String id) {
        if (id == null) {
            return false;
        }
        String key = key(id);
        Instant end = ends.get(key);
        if (end != null && !end.isAfter(clock.instant())) {
            ends.remove(key);
            return false;
        }
        return end != null;
    }

    public void close(String id) {
        if (id != null) {
            ends.remove(key(id));
        }
    }

    private static String key(String id) {
        return HexFormat.of().formatHex(AccessToken.sha256(id));
    }
}
