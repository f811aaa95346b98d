/**
 * The pipelines a job may name ({@link org.fitsflow.routes.pipelines.PipelineCatalog}): built-in, from the
 * pipelines folder, and posted through the API (kept in the store). Read when a job is made into a ticket.
 */
package org.fitsflow.routes.pipelines;
