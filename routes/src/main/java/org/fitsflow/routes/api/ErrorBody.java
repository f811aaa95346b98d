package org.fitsflow.routes.api;

/** The body of every error answer. */
public record ErrorBody(String error, String detail) {
}
