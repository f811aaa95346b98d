/**
 * The SQLite database: sessions, files, pipelines and jobs with the trail of their moves
 * ({@link org.fitsflow.routes.store.JobStore}, which moves a job only as {@code JobStatus} allows and tells
 * {@link org.fitsflow.routes.store.JobEndListener} of each end), and the nights of raw subs and the targets' deep
 * stacks ({@link org.fitsflow.routes.store.NightStore}, {@link org.fitsflow.routes.store.DeepStackStore}). Only the
 * application writes it; the rows are the truth about every job and night.
 */
package org.fitsflow.routes.store;
