package org.fitsflow.routes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every request when a token is set, the Camel REST routes and the Spring MVC controllers
 * alike (both are served by the one dispatcher servlet): a request for anything but an {@link OpenPaths
 * open path} without good credentials ends here with 401 and the API's {@code {"error", "detail"}} body.
 * A wrong token is logged with the client's address (never the token); a missing one is not, since every
 * page opened before sign-in sends a few.
 */
public class AccessFilter extends OncePerRequestFilter {
    /** The challenge of every 401 (RFC 6750). */
    static final String CHALLENGE = "Bearer realm=\"FitsFlow\"";
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

    private final AccessCheck access;
    private final ObjectMapper json;

    public AccessFilter(AccessCheck access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Verdict verdict = OpenPaths.isOpen(path) ? Verdict.ALLOWED : access.check(request);
        if (verdict == Verdict.ALLOWED) {
            chain.doFilter(request, response);
            return;
        }
        if (verdict == Verdict.WRONG_TOKEN) {
            LOG.warn("Refused {} {} from {}: wrong access token", request.getMethod(), path.replaceAll("\\p{Cntrl}", "?"),
                    request.getRemoteAddr());
        }
        refuse(response, verdict);
    }

    private void refuse(HttpServletResponse response, Verdict verdict) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), verdict.body());
    }
}
