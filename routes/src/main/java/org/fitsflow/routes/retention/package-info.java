/**
 * Frees the data folder: {@link org.fitsflow.routes.retention.RetentionRoute} runs
 * {@link org.fitsflow.routes.retention.RetentionSweeper}, which deletes old uploads and job outputs and marks their
 * rows; the stacks a night or a deep stack still shows and builds on stay. Never touches the inbox or the outbox.
 */
package org.fitsflow.routes.retention;
