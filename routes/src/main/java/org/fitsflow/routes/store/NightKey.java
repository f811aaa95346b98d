package org.fitsflow.routes.store;

/** What makes a night: target, filter ("" when the header names none), exposure and the local date its night began. */
public record NightKey(String target, String filter, double exposureSeconds, String nightDate) {
}
