/**
 * The SQLite database: sessions, files, pipelines and jobs with the trail of their moves
 * ({@link org.fitsflow.routes.store.JobStore}, which moves a job only as {@code JobStatus} allows and tells
 * {@link org.fitsflow.routes.store.JobEndListener} of each end). Only the application writes it; the rows are the
 * truth about every job.
 */
package org.fitsflow.routes.store;
