package org.fitsflow.routes.route;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.fitsflow.routes.inbox.InboxIntake;
import org.springframework.stereotype.Component;

/**
 * The watched inbox folder. Read-only: {@code noop=true} never moves, renames or deletes anything there.
 * A file is taken once its modification time is {@code stable-seconds} old (readLock=changed with a
 * minimum age), once per relative path + size + mtime (our SQLite idempotent repository, so a restart
 * does not take it again and a changed file is taken again). Hidden files and sync tools' temporary
 * files are excluded.
 *
 * <p>Errors: a file that is no FITS image is not an error here (the intake records failed jobs). When
 * the intake itself fails (database unavailable), the exchange fails, Camel forgets the file's key, and
 * the next poll takes the file again; nothing goes to a dead letter.
 */
@Component
public class InboxRoute extends RouteBuilder {
    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhausted(true).retriesExhaustedLogLevel(LoggingLevel.ERROR));

        from("file:{{fitsflow.inbox.dir}}"
                + "?recursive=true&noop=true"
                + "&idempotent=true&idempotentRepository=#inboxIdempotentRepository"
                + "&idempotentKey=RAW(${file:name}|${file:size}|${header.CamelFileLastModified})"
                + "&readLock=changed&readLockMinAge={{fitsflow.inbox.stable-seconds}}s&readLockMinLength=0"
                + "&readLockCheckInterval={{fitsflow.inbox.read-lock-check-ms}}"
                + "&readLockTimeout={{fitsflow.inbox.read-lock-timeout-ms}}"
                + "&include=RAW({{fitsflow.inbox.include}})&exclude=RAW({{fitsflow.inbox.exclude}})"
                + "&sortBy=file:modified"
                + "&initialDelay={{fitsflow.inbox.poll-delay-ms}}&delay={{fitsflow.inbox.poll-delay-ms}}")
                .routeId("inbox")
                .log(LoggingLevel.DEBUG, "Inbox file ${header.CamelFileName} is complete")
                .bean(InboxIntake.class, "accept(${header.CamelFileName}, ${header.CamelFileAbsolutePath}, "
                        + "${header.CamelFileLength}, ${header.CamelFileLastModified})");
    }
}
