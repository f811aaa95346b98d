package org.fitsflow.routes.store;

/** What a finished night stack measured, kept on the night. */
public record NightResult(int subsUsed, double integrationSeconds, Double fwhmMedianPx, Double fwhmMedianArcsec,
                          String flaggedJson, long masterFileId) {
}
