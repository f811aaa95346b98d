/**
 * Hands queued job ids to the workers ({@link org.fitsflow.routes.queue.JobQueue}): in-process
 * ({@link org.fitsflow.routes.queue.LocalJobQueue}, filled again from the database at start-up), or the Redis
 * stream of {@code queue.redis}. Between a job row and the worker that runs it.
 */
package org.fitsflow.routes.queue;
