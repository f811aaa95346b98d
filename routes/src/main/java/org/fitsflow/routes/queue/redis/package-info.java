/**
 * {@code fitsflow.queue=redis}: a Redis stream of tickets, at-least-once. The application side publishes
 * tickets ({@link org.fitsflow.routes.queue.redis.RedisJobQueue}) and records the workers' events
 * ({@link org.fitsflow.routes.queue.redis.JobEventRecorder}, ending jobs through the {@code worker} package's
 * {@code JobFinisher}); the worker side is {@link org.fitsflow.routes.queue.redis.RedisWorker}, one per slot, in
 * the application or in {@code fitsflow.role=worker} processes. Routes: {@code RedisQueueRoutes}, {@code RedisWorkerRoutes}.
 */
package org.fitsflow.routes.queue.redis;
