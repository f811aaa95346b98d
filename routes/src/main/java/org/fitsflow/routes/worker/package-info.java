/**
 * Sees jobs from the queue to their end. {@link org.fitsflow.routes.worker.LocalWorkers} are the in-process
 * queue's threads; {@link org.fitsflow.routes.worker.JobTicketFactory} makes a job row into a ticket;
 * {@link org.fitsflow.routes.worker.JobFinisher} ends every job (complete with the outbox delivery, failed,
 * cancelled), for these workers and for the Redis workers' events; {@link org.fitsflow.routes.worker.JobCancellation}
 * stops one, {@link org.fitsflow.routes.worker.JobRecovery} queues again at start-up what the last process left.
 */
package org.fitsflow.routes.worker;
