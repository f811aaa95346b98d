package org.fitsflow.routes.nights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.outbox.OutboxDelivery;
import org.fitsflow.routes.queue.JobQueue;
import org.fitsflow.routes.store.DeepStackRecord;
import org.fitsflow.routes.store.DeepStackStore;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.NewFile;
import org.fitsflow.routes.store.NightRecord;
import org.fitsflow.routes.store.NightResult;
import org.fitsflow.routes.store.NightState;
import org.fitsflow.routes.store.NightStore;
import org.fitsflow.routes.worker.JobFinisher;
import org.fitsflow.routes.worker.JobFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves nights and deep stacks along, one look at a time ({@link #look}, from {@link NightsRoute}'s timer):
 * closes the nights that went quiet or reached their noon by queueing their stack as a normal job over their subs;
 * records what each finished stack measured (its files reached the outbox through the job's own delivery, and the
 * previous stack's files of other names are withdrawn only now); and queues a target's deep stack over its nights'
 * masters when a night got a new one. Everything it decides is in the database before a job is queued, and a job
 * and the state that names it are written in one transaction, so a restart neither loses a night nor stacks one twice.
 */
@Component
public class NightStacker {
    private static final Logger LOG = LoggerFactory.getLogger(NightStacker.class);
    /** The longest side of the thumbnail delivered beside each JPEG of a night or deep stack. */
    static final int OUTBOX_THUMBNAIL = 320;

    private final FitsflowProperties.Nights settings;
    private final NightStore nights;
    private final DeepStackStore deepStacks;
    private final JobStore jobs;
    private final FileStore files;
    private final JobQueue queue;
    private final JobFinisher finisher;
    private final JobFolders folders;
    private final OutboxDelivery outbox;
    private final TransactionTemplate transactions;

    public NightStacker(FitsflowProperties properties, NightStore nights, DeepStackStore deepStacks, JobStore jobs,
                        FileStore files, JobQueue queue, JobFinisher finisher, JobFolders folders, OutboxDelivery outbox,
                        TransactionTemplate transactions) {
        this.settings = properties.nights();
        this.nights = nights;
        this.deepStacks = deepStacks;
        this.jobs = jobs;
        this.files = files;
        this.queue = queue;
        this.finisher = finisher;
        this.folders = folders;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** One look: nights to close, stacks that ended, deep stacks to start. */
    public synchronized void look() {
        for (NightRecord night : nights.dueToClose(settings.quiet())) {
            stack(night);
        }
        for (NightRecord night : nights.inState(NightState.STACKING)) {
            settle(night);
        }
        for (DeepStackRecord deep : deepStacks.inState(NightState.STACKING)) {
            settle(deep);
        }
        startDeepStacks();
    }

    /**
     * Queues a stack of the night over all its subs, unless it is stacking already.
     *
     * @return the new job
     */
    public synchronized Optional<JobRecord> stack(NightRecord night) {
        List<Long> subs = nights.subFileIds(night.id());
        if (night.state() == NightState.STACKING || subs.isEmpty()) {
            return Optional.empty();
        }
        JobRecord job = transactions.execute(status -> {
            JobRecord created = jobs.insertDelivered(night.sessionId(), subs, settings.pipeline(),
                    NightNames.folder(night.key().target()), NightNames.nightStem(night.key(), subs.size()), OUTBOX_THUMBNAIL);
            if (!nights.startStacking(night.id(), night.state(), created.id())) {
                status.setRollbackOnly();
                return null;
            }
            return created;
        });
        if (job == null) {
            return Optional.empty();
        }
        queue.submit(job.id());
        LOG.info("Night {} {} {} of {} closed: {} subs queued for {} (job {})", night.key().nightDate(),
                night.key().target(), night.key().filter(), NightNames.exposure(night.key().exposureSeconds()) + " s",
                subs.size(), settings.pipeline(), job.id());
        return Optional.of(job);
    }

    private void settle(NightRecord night) {
        Optional<JobRecord> job = Optional.ofNullable(night.jobId()).flatMap(jobs::find);
        if (job.isEmpty()) {
            nights.failed(night.id(), night.jobId(), "its stack job is gone");
            return;
        }
        JobRecord stack = job.get();
        switch (stack.status()) {
            case COMPLETE -> finishNight(night, stack);
            case FAILED, CANCELLED -> {
                nights.failed(night.id(), stack.id(), stack.errorMessage() == null ? stack.status().wireName() : stack.errorMessage());
                LOG.warn("Night {} of {}: stack job {} {}: {}", night.key().nightDate(), night.key().target(), stack.id(),
                        stack.status().wireName(), stack.errorMessage());
            }
            default -> { }
        }
    }

    private void finishNight(NightRecord night, JobRecord stack) {
        Optional<String> master = stack.outputFiles().stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".fits") && !n.contains(".coverage") && !n.contains(".rejected"))
                .findFirst();
        if (master.isEmpty()) {
            nights.failed(night.id(), stack.id(), "the stack wrote no FITS master");
            return;
        }
        Path masterPath = folders.outputsDir(stack.id()).resolve(master.get());
        NightMeasurements measured = NightMeasurements.read(stack.measurementsJson());
        int used = measured.stacked() != null ? measured.stacked() : stack.inputFileIds().size();
        boolean done = Boolean.TRUE.equals(transactions.execute(status -> {
            long size = sizeOf(masterPath);
            long masterFile = files.insert(new NewFile(stack.sessionId(), master.get(), masterPath.toString(), FileStore.MASTER,
                    size, null, null, null, null)).id();
            boolean changed = nights.done(night.id(), stack.id(), new NightResult(used, used * night.key().exposureSeconds(),
                    measured.fwhmMedianPx(), measured.fwhmMedianArcsec(), measured.flaggedJson(), masterFile));
            if (!changed) {
                status.setRollbackOnly();
            }
            return changed;
        }));
        if (done) {
            withdrawReplaced(night.deliveredJobId(), stack);
            LOG.info("Night {} of {} stacked: {} of {} subs used (job {})", night.key().nightDate(), night.key().target(), used,
                    stack.inputFileIds().size(), stack.id());
        }
    }

    private void settle(DeepStackRecord deep) {
        Optional<JobRecord> job = Optional.ofNullable(deep.jobId()).flatMap(jobs::find);
        if (job.isEmpty()) {
            deepStacks.failed(deep.id(), deep.jobId(), "its stack job is gone");
            return;
        }
        JobRecord stack = job.get();
        if (stack.status() == JobStatus.COMPLETE && deepStacks.done(deep.id(), stack.id())) {
            withdrawReplaced(deep.deliveredJobId(), stack);
            LOG.info("Deep stack of {} {}: {} nights combined (job {})", deep.target(), deep.filter(), deep.nightsUsed(), stack.id());
        } else if (stack.status().isTerminal() && stack.status() != JobStatus.COMPLETE) {
            deepStacks.failed(deep.id(), stack.id(), stack.errorMessage() == null ? stack.status().wireName() : stack.errorMessage());
        }
    }

    /** A target (object and filter) whose nights' masters changed gets a deep stack over them, once no night of it is stacking. */
    private void startDeepStacks() {
        Map<List<String>, List<NightRecord>> targets = new LinkedHashMap<>();
        for (NightRecord night : nights.all()) {
            targets.computeIfAbsent(List.of(night.key().target(), night.key().filter()), k -> new ArrayList<>()).add(night);
        }
        targets.forEach((target, ofTarget) -> startDeepStack(target.get(0), target.get(1), ofTarget));
    }

    private void startDeepStack(String target, String filter, List<NightRecord> ofTarget) {
        if (ofTarget.stream().anyMatch(n -> n.state() == NightState.STACKING)) {
            return;
        }
        List<NightRecord> stacked = ofTarget.stream().filter(n -> n.deliveredJobId() != null && n.masterFileId() != null)
                .sorted((a, b) -> a.key().nightDate().compareTo(b.key().nightDate())).toList();
        if (stacked.size() < 2) {
            return;
        }
        List<Long> nightJobs = stacked.stream().map(NightRecord::deliveredJobId).toList();
        Optional<DeepStackRecord> deep = deepStacks.find(target, filter);
        if (deep.isPresent() && (deep.get().state() == NightState.STACKING
                || new HashSet<>(deep.get().nightJobIds()).equals(Set.copyOf(nightJobs)))) {
            return;
        }
        List<Long> masters = stacked.stream().map(NightRecord::masterFileId).toList();
        int subs = stacked.stream().mapToInt(n -> n.subsUsed() == null ? 0 : n.subsUsed()).sum();
        double integration = stacked.stream().mapToDouble(n -> n.integrationSeconds() == null ? 0 : n.integrationSeconds()).sum();
        long session = stacked.get(stacked.size() - 1).sessionId();
        JobRecord job = transactions.execute(status -> {
            JobRecord created = jobs.insertDelivered(session, masters, settings.deepPipeline(), NightNames.folder(target),
                    NightNames.deepStem(target, filter), OUTBOX_THUMBNAIL);
            if (!deepStacks.start(target, filter, created.id(), nightJobs, subs, integration)) {
                status.setRollbackOnly();
                return null;
            }
            return created;
        });
        if (job != null) {
            queue.submit(job.id());
            LOG.info("Deep stack of {} {}: {} nights queued for {} (job {})", target, filter, stacked.size(),
                    settings.deepPipeline(), job.id());
        }
    }

    /** The previous stack's outbox files that the new one did not replace (another number of subs in the name). */
    private void withdrawReplaced(Long previousJobId, JobRecord current) {
        if (previousJobId == null || previousJobId == current.id()) {
            return;
        }
        jobs.find(previousJobId).ifPresent(previous -> {
            Set<String> kept = new HashSet<>(names(current));
            List<String> gone = names(previous).stream().filter(n -> !kept.contains(n)).toList();
            try {
                outbox.withdraw(previous.outboxFolder(), gone);
            } catch (IOException e) {
                LOG.warn("Could not remove the replaced outbox files {}: {}", gone, e.getMessage());
            }
        });
    }

    private List<String> names(JobRecord job) {
        return finisher.outboxFiles(job, job.outputFiles()).stream().map(p -> p.getFileName().toString()).toList();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
