/**
 * The watched inbox, read-only: {@link org.fitsflow.routes.inbox.InboxRoute} offers each complete file once
 * ({@link org.fitsflow.routes.inbox.InboxStability}, remembered in SQLite), and
 * {@link org.fitsflow.routes.inbox.InboxIntake} records it in its folder's session, creates and queues its jobs,
 * and skips older Seestar stacks ({@link org.fitsflow.routes.inbox.SeestarStack}). First stop of a telescope's
 * file on its way to a job whose outputs go to the outbox.
 */
package org.fitsflow.routes.inbox;
