/**
 * Frees the data folder: {@link org.fitsflow.routes.retention.RetentionRoute} runs
 * {@link org.fitsflow.routes.retention.RetentionSweeper}, which deletes old uploads and job outputs and marks their
 * rows. Never touches the inbox or the outbox.
 */
package org.fitsflow.routes.retention;
