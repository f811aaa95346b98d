package org.fitsflow.routes.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fitsflow.routes.nights.NightClock;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.HeaderJson;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.springframework.stereotype.Component;

/**
 * The single frames of the targets: telescope stacks from the inbox and uploaded frames whose job made a picture.
 * A frame's target is its {@code OBJECT}, else (inbox) the folder it is in; its night is reckoned as a sub's.
 */
@Component
public class TargetFrames {
    /** A frame with what the targets need of it. */
    record Frame(String target, String filter, String nightDate, double integrationSeconds, JobRecord job, FrameView view) {
    }

    private final FileStore files;
    private final JobStore jobs;
    private final HeaderJson headers;
    private final JobPictures pictures;

    public TargetFrames(FileStore files, JobStore jobs, HeaderJson headers, JobPictures pictures) {
        this.files = files;
        this.jobs = jobs;
        this.headers = headers;
        this.pictures = pictures;
    }

    /** Every frame with a picture, newest first. */
    List<Frame> all() {
        List<Frame> frames = new ArrayList<>();
        for (FileRecord file : files.frames()) {
            Optional<JobRecord> job = jobs.listByFile(file.id()).stream()
                    .filter(j -> j.inputFileIds().size() == 1 && pictures.picture(j).isPresent())
                    .reduce((first, second) -> second);
            Map<String, Object> summary = headers.summary(file.headerJson());
            String target = text(summary.get("object"));
            if (target.isEmpty() && file.inboxPath() != null && file.inboxPath().contains("/")) {
                String folder = file.inboxPath().substring(0, file.inboxPath().lastIndexOf('/'));
                target = folder.substring(folder.lastIndexOf('/') + 1);
            }
            if (job.isEmpty() || target.isEmpty()) {
                continue;
            }
            Double longitude = headers.card(file.headerJson(), "SITELONG").flatMap(TargetFrames::number).orElse(null);
            String night = NightClock.dateObs(text(summary.get("date_obs")))
                    .map(t -> NightClock.at(longitude).nightDate(t).toString()).orElse(null);
            PictureView picture = pictures.picture(job.get()).orElseThrow();
            FrameView view = new FrameView(job.get().id(), file.originalName(), job.get().completedAt(),
                    pictures.outputs(job.get()), picture.thumbnailUrl(), picture.previewUrl(), picture.imageUrl(),
                    file.inboxPath() != null ? "telescope" : "upload");
            frames.add(new Frame(target, text(summary.get("filter")), night, integration(summary), job.get(), view));
        }
        frames.sort((a, b) -> String.valueOf(b.job().completedAt()).compareTo(String.valueOf(a.job().completedAt())));
        return frames;
    }

    /** EXPTIME x STACKCNT, when the header gives the exposure. */
    private static double integration(Map<String, Object> summary) {
        Object exposure = summary.get("exposure_seconds");
        Object count = summary.get("stack_count");
        if (!(exposure instanceof Number e)) {
            return 0;
        }
        return e.doubleValue() * (count instanceof Number c ? c.doubleValue() : 1);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    private static Optional<Double> number(String value) {
        try {
            return Optional.of(Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
