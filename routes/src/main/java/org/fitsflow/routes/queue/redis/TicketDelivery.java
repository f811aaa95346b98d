package org.fitsflow.routes.queue.redis;

import org.fitsflow.routes.jobs.JobTicket;

/**
 * One delivery of a job to a worker.
 *
 * @param entryId the stream entry, to renew the claim and to acknowledge it
 * @param attempt how many times the job has been delivered, this one included
 */
public record TicketDelivery(String entryId, JobTicket ticket, int attempt) {
}
