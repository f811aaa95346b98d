/**
 * A job's values and rules, used along the whole path: {@link org.fitsflow.routes.jobs.JobStatus} (the only
 * place that says which moves are allowed), {@link org.fitsflow.routes.jobs.JobTicket} (a job as a worker runs
 * it without the database), {@link org.fitsflow.routes.jobs.JobExecutor} (what runs a ticket) and
 * {@link org.fitsflow.routes.jobs.JobOutcome} (what a complete job leaves). Plain Java; uses no other package
 * of the service.
 */
package org.fitsflow.routes.jobs;
