package org.fitsflow.routes.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import org.fitsflow.routes.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/auth/session}, the web page's sign-in: {@code POST {"token": "..."}} trades the token for a
 * session cookie (HttpOnly, so the page's scripts never hold it; SameSite=Strict, so no other site can
 * send it; Secure when the request came over https), {@code DELETE} signs the browser out, {@code GET}
 * says whether a token is needed and whether this browser has signed in. The body is read here rather
 * than bound, so that no parse error can echo the token into a log or an answer.
 */
@RestController
public class SignInController {
    private static final Logger LOG = LoggerFactory.getLogger(SignInController.class);

    private final AccessCheck access;
    private final BrowserSessions sessions;
    private final ObjectMapper json;

    public SignInController(AccessCheck access, BrowserSessions sessions, ObjectMapper json) {
        this.access = access;
        this.sessions = sessions;
        this.json = json;
    }

    /**
     * @param tokenRequired whether this service has a token
     * @param signedIn      whether this request's credentials are good
     */
    public record SignInStatus(boolean tokenRequired, boolean signedIn) {
    }

    @GetMapping(path = OpenPaths.SIGN_IN, produces = MediaType.APPLICATION_JSON_VALUE)
    public SignInStatus status(HttpServletRequest request) {
        return new SignInStatus(access.required(), access.required() && access.check(request) == Verdict.ALLOWED);
    }

    @PostMapping(path = OpenPaths.SIGN_IN, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> signIn(@RequestBody byte[] body, HttpServletRequest request) {
        if (!access.required()) {
            throw ApiException.conflict("this service has no access token (fitsflow.security.token); there is nothing to sign in to");
        }
        if (!access.matches(tokenOf(body))) {
            LOG.warn("Refused a sign-in from {}: wrong access token", request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, AccessFilter.CHALLENGE)
                    .contentType(MediaType.APPLICATION_JSON).body(Verdict.WRONG_TOKEN.body());
        }
        LOG.info("A browser at {} signed in", request.getRemoteAddr());
        return withCookie(request, sessions.open(), BrowserSessions.LIFETIME);
    }

    @DeleteMapping(OpenPaths.SIGN_IN)
    public ResponseEntity<Void> signOut(HttpServletRequest request) {
        sessions.close(AccessCheck.sessionCookie(request));
        return withCookie(request, "", Duration.ZERO);
    }

    private String tokenOf(byte[] body) {
        try {
            JsonNode token = json.readTree(body).path("token");
            if (token.isTextual()) {
                return token.asText();
            }
        } catch (IOException e) {
            // answered below, without quoting the body
        }
        throw ApiException.badRequest("the body must be {\"token\": \"...\"}");
    }

    private static ResponseEntity<Void> withCookie(HttpServletRequest request, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(AccessCheck.SESSION_COOKIE, value)
                .httpOnly(true).sameSite("Strict").secure(request.isSecure()).path("/").maxAge(maxAge).build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
