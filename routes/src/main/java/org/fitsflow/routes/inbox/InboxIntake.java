package org.fitsflow.routes.inbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fitsflow.processors.fits.FitsFileName;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.metrics.InboxMetrics;
import org.fitsflow.routes.nights.RawSub;
import org.fitsflow.routes.queue.JobQueue;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.HeaderJson;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.NewFile;
import org.fitsflow.routes.store.NightStore;
import org.fitsflow.routes.store.SessionRecord;
import org.fitsflow.routes.store.SessionStore;
import org.fitsflow.routes.worker.JobFinisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one complete inbox file: records it (session per top folder of the inbox), creates one job per
 * inbox pipeline and queues them. A raw sub ({@link RawSub}) joins its night instead, which is stacked once it
 * closes; it gets the inbox pipelines too only with {@code fitsflow.nights.sub-previews}. A file that is no
 * usable FITS image gets failed jobs carrying the reader's reason; an older Seestar stack of a series whose
 * newer stack is there is skipped.
 */
@Component
public class InboxIntake {
    private static final Logger LOG = LoggerFactory.getLogger(InboxIntake.class);
    static final String ROOT_SESSION = "inbox";

    private final FitsflowProperties properties;
    private final SessionStore sessions;
    private final FileStore files;
    private final JobStore jobs;
    private final JobQueue queue;
    private final HeaderJson headerJson;
    private final TransactionTemplate transactions;
    private final InboxMetrics metrics;
    private final JobFinisher finisher;
    private final NightStore nights;

    public InboxIntake(FitsflowProperties properties, SessionStore sessions, FileStore files, JobStore jobs,
                       JobQueue queue, HeaderJson headerJson, TransactionTemplate transactions, InboxMetrics metrics,
                       JobFinisher finisher, NightStore nights) {
        this.properties = properties;
        this.sessions = sessions;
        this.files = files;
        this.jobs = jobs;
        this.queue = queue;
        this.headerJson = headerJson;
        this.transactions = transactions;
        this.metrics = metrics;
        this.finisher = finisher;
        this.nights = nights;
    }

    /**
     * @param relativePath path relative to the inbox ('/' or the platform separator)
     * @param absolutePath the file
     * @return the jobs created for the file
     */
    public List<JobRecord> accept(String relativePath, String absolutePath, long sizeBytes, long mtimeMs) {
        String relative = relativePath.replace('\\', '/');
        Path file = Path.of(absolutePath);
        String reason = null;
        FitsHeader header = null;
        try {
            header = FitsReader.readHeader(file);
        } catch (IOException e) {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        String invalidReason = reason;
        String json = header == null ? null : headerJson.write(header);
        String fileType = header != null && header.summary().isRawMosaic() ? "light" : "stacked";
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash);
        String name = relative.substring(slash + 1);
        String stem = FitsFileName.of(name).stem();
        Optional<RawSub> sub = header == null ? Optional.empty() : RawSub.recognise(relative, header, mtimeMs);
        boolean previews = sub.isEmpty() || properties.nights().subPreviews();

        List<JobRecord> created = transactions.execute(status -> {
            SessionRecord session = sessions.inboxSession(sessionName(relative));
            FileRecord row = files.insert(new NewFile(session.id(), name, file.toAbsolutePath().toString(),
                    sub.isPresent() ? "light" : fileType, sizeBytes, json, invalidReason, relative, mtimeMs));
            sub.ifPresent(s -> nights.addSub(s.night(), session.id(), row.id(), s.takenAt(), s.nightEnd()));
            List<JobRecord> list = new ArrayList<>();
            for (String pipeline : previews ? properties.inbox().pipelines() : List.<String>of()) {
                list.add(jobs.insert(session.id(), row.id(), pipeline, folder, stem + "." + pipeline));
            }
            return list;
        });
        metrics.taken();
        if (sub.isPresent()) {
            LOG.info("Inbox file {} is a sub of the night of {} {} {} ({} s)", relative, sub.get().night().nightDate(),
                    sub.get().night().target(), sub.get().night().filter(), sub.get().night().exposureSeconds());
        }

        if (invalidReason != null) {
            LOG.warn("Inbox file {} is not usable: {}", relative, invalidReason);
            metrics.refused();
            created.forEach(job -> finisher.fail(job.id(), invalidReason));
            return created;
        }
        Optional<SeestarStack> stack = SeestarStack.parse(relative, mtimeMs);
        if (stack.isPresent()) {
            Optional<String> newer = newerStackOnDisk(stack.get(), file.getParent());
            if (newer.isPresent()) {
                LOG.info("Inbox file {} skipped: superseded by {}", relative, newer.get());
                created.forEach(job -> finisher.skip(job.id(), "skipped: superseded by " + newer.get()));
                return created;
            }
            skipOlderStacks(stack.get(), name);
        }
        if (created.isEmpty()) {
            return created;
        }
        LOG.info("Inbox file {} queued for {}", relative, properties.inbox().pipelines());
        created.forEach(job -> queue.submit(job.id()));
        return created;
    }

    /** One session per top folder of the inbox; files directly in the inbox share the "inbox" session. */
    static String sessionName(String relative) {
        int slash = relative.indexOf('/');
        return slash < 0 ? ROOT_SESSION : ROOT_SESSION + "/" + relative.substring(0, slash);
    }

    private Optional<String> newerStackOnDisk(SeestarStack stack, Path folder) {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder)) {
            String newest = null;
            SeestarStack best = stack;
            for (Path sibling : siblings) {
                String siblingRelative = stack.folder().isEmpty()
                        ? sibling.getFileName().toString() : stack.folder() + "/" + sibling.getFileName();
                Optional<SeestarStack> other = SeestarStack.parse(siblingRelative, Files.getLastModifiedTime(sibling).toMillis());
                if (other.isPresent() && best.isSupersededBy(other.get())) {
                    best = other.get();
                    newest = sibling.getFileName().toString();
                }
            }
            return Optional.ofNullable(newest);
        } catch (IOException e) {
            // the folder could not be listed: process this stack rather than lose it
            return Optional.empty();
        }
    }

    /** Older stacks of the series whose jobs have not started yet are skipped: only the newest matters. */
    private void skipOlderStacks(SeestarStack stack, String name) {
        String prefix = stack.folder().isEmpty() ? "" : stack.folder() + "/";
        for (FileRecord older : files.inboxFilesIn(prefix)) {
            Optional<SeestarStack> olderStack = SeestarStack.parse(older.inboxPath(), older.inboxMtimeMs());
            if (olderStack.isPresent() && olderStack.get().isSupersededBy(stack)) {
                for (JobRecord job : jobs.listByFile(older.id())) {
                    if (job.status() == JobStatus.QUEUED && finisher.skip(job.id(), "skipped: superseded by " + name)) {
                        LOG.info("Inbox file {} skipped: superseded by {}", older.inboxPath(), name);
                    }
                }
            }
        }
    }
}
