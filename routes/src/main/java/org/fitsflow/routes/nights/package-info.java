/**
 * The inbox's raw subs, stacked per night and target. {@link org.fitsflow.routes.nights.RawSub} recognises a sub and
 * the night it belongs to ({@link org.fitsflow.routes.nights.NightClock}: noon to noon at the site); the inbox's intake
 * records it in its night. {@link org.fitsflow.routes.nights.NightsRoute}'s timer has
 * {@link org.fitsflow.routes.nights.NightStacker} close the nights that went quiet, queue their stack as a normal job
 * over the night's subs (delivered to {@code outbox/<target>/} by the job's own end,
 * {@link org.fitsflow.routes.nights.NightNames}), record what it measured, and queue the target's deep stack over the
 * nights' masters. Between the inbox and the jobs: a night becomes a job, and its outputs go to the outbox like any
 * inbox job's.
 */
package org.fitsflow.routes.nights;
