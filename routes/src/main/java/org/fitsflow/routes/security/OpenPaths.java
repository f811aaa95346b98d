package org.fitsflow.routes.security;

import java.util.Set;

/**
 * The paths anyone may request when a token is set; everything else needs it. Open are the health check
 * (for load balancers and container health checks), the page's sign-in, and the page's own static files
 * (HTML, scripts, styles), which hold no data: what the page shows comes from the API, which checks.
 * Paths are the server's decoded and normalised ones, so no spelling of an API path can pass as open.
 */
final class OpenPaths {
    static final String SIGN_IN = "/api/auth/session";
    private static final Set<String> PAGES = Set.of("/", "/index.html", "/process.html", "/target.html");
    private static final Set<String> PAGE_FOLDERS = Set.of("/css/", "/js/");
    private static final String HEALTH = "/actuator/health";

    private OpenPaths() {
    }

    static boolean isOpen(String path) {
        return PAGES.contains(path) || SIGN_IN.equals(path) || HEALTH.equals(path) || path.startsWith(HEALTH + "/")
                || PAGE_FOLDERS.stream().anyMatch(path::startsWith);
    }
}
