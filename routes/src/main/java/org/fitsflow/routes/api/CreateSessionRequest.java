package org.fitsflow.routes.api;

/** {@code {"session_name": "..."}} */
public record CreateSessionRequest(String sessionName) {
}
