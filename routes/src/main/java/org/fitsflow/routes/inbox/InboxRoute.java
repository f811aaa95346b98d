package org.fitsflow.routes.inbox;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.fitsflow.routes.config.RouteErrorPolicy;
import org.springframework.stereotype.Component;

/**
 * The watched inbox folder. Read-only: {@code noop=true} never moves, renames or deletes anything there.
 * A file is offered once it is completely written (our filter, {@link InboxStabilityFilter}): when two
 * scans in a row see a FITS file exactly as long as its header declares, with the same mtime, otherwise once
 * its size and mtime have not changed for {@code stable-seconds}. This is decided at scan time: Camel fixes
 * the idempotent key when it scans, so a read lock that waits after the scan would remember a
 * half-written size. A file is taken once per relative path + size + mtime (our SQLite idempotent
 * repository: a restart does not take it again, a changed file is taken again).
 * Hidden files and sync tools' temporary files are excluded.
 *
 * <p>Errors ({@link RouteErrorPolicy#BACKGROUND}): a file that is no FITS image is not an error here (the
 * intake records failed jobs). When the intake itself fails (database unavailable), the exchange fails,
 * Camel forgets the file's key, and the next poll takes the file again.
 */
@Component
public class InboxRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("file:{{fitsflow.inbox.dir}}"
                + "?recursive=true&noop=true"
                + "&idempotent=true&idempotentRepository=#inboxIdempotentRepository"
                + "&idempotentKey=RAW(${file:name}|${file:size}|${header.CamelFileLastModified})"
                + "&filter=#inboxStabilityFilter"
                + "&include=RAW({{fitsflow.inbox.include}})&exclude=RAW({{fitsflow.inbox.exclude}})"
                + "&sortBy=file:modified"
                + "&initialDelay={{fitsflow.inbox.poll-delay-ms}}&delay={{fitsflow.inbox.poll-delay-ms}}")
                .routeId("inbox").routeConfigurationId(RouteErrorPolicy.BACKGROUND)
                .log(LoggingLevel.DEBUG, "Inbox file ${header.CamelFileName} is complete")
                .bean(InboxIntake.class, "accept(${header.CamelFileName}, ${header.CamelFileAbsolutePath}, "
                        + "${header.CamelFileLength}, ${header.CamelFileLastModified})");
    }
}
