/**
 * The FitsFlow service: Spring Boot and Camel around the {@code processors} library. Start from
 * {@link org.fitsflow.routes.FitsflowApplication}, the application (inbox, REST API, store, queue, workers),
 * or {@link org.fitsflow.routes.WorkerApplication}, the {@code fitsflow.role=worker} process that only runs
 * jobs from Redis. Data flows one way: {@code inbox} and {@code api} record files and jobs in {@code store},
 * {@code queue} hands the jobs to a {@code worker}, which runs each with an {@code executor} and ends it.
 */
package org.fitsflow.routes;
