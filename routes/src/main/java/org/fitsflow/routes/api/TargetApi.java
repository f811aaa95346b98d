package org.fitsflow.routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fitsflow.routes.nights.NightNames;
import org.fitsflow.routes.nights.NightStacker;
import org.fitsflow.routes.store.DeepStackRecord;
import org.fitsflow.routes.store.DeepStackStore;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.NightRecord;
import org.fitsflow.routes.store.NightState;
import org.fitsflow.routes.store.NightStore;
import org.springframework.stereotype.Component;

/**
 * The targets of {@code /api/process/targets}: each object and filter with its nights of raw subs, its deep stack
 * and its single frames; called by the REST routes.
 */
@Component
public class TargetApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Everything known of one target, gathered once per answer. */
    private record Target(String id, String name, String filter, List<NightRecord> nights, Optional<DeepStackRecord> deep,
                          List<TargetFrames.Frame> frames) {
    }

    private final NightStore nights;
    private final DeepStackStore deepStacks;
    private final JobStore jobs;
    private final JobPictures pictures;
    private final TargetFrames frames;
    private final NightStacker stacker;

    public TargetApi(NightStore nights, DeepStackStore deepStacks, JobStore jobs, JobPictures pictures, TargetFrames frames,
                     NightStacker stacker) {
        this.nights = nights;
        this.deepStacks = deepStacks;
        this.jobs = jobs;
        this.pictures = pictures;
        this.frames = frames;
        this.stacker = stacker;
    }

    public TargetListView list() {
        List<TargetView> views = targets().values().stream().map(this::view)
                .sorted(Comparator.comparing(TargetView::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
        return new TargetListView(views);
    }

    public TargetDetailView get(String id) {
        Target target = existing(id);
        DeepStackView deep = target.deep().map(this::deepView).orElse(null);
        List<NightView> nightViews = target.nights().stream().map(n -> nightView(n, target.frames())).toList();
        return TargetDetailView.of(view(target), deep, nightViews, target.frames().stream().map(TargetFrames.Frame::view).toList());
    }

    public NightView night(String id, String date) {
        Target target = existing(id);
        return nightView(existingNight(target, date), target.frames());
    }

    /** Queues the night's stack again; 409 while it is stacking. */
    public RestackView restack(String id, String date) {
        NightRecord night = existingNight(existing(id), date);
        if (night.state() == NightState.STACKING) {
            throw ApiException.conflict("the night " + date + " of " + id + " is stacking already (job " + night.jobId() + ")");
        }
        JobRecord job = stacker.stack(night).orElseThrow(() -> ApiException.conflict(
                "the night " + date + " of " + id + " could not be queued: it is stacking already, or has no subs"));
        return new RestackView(job.id(), NightState.STACKING.wireName());
    }

    private Map<String, Target> targets() {
        Map<String, List<NightRecord>> nightsById = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (NightRecord night : nights.all()) {
            String id = NightNames.targetId(night.key().target(), night.key().filter());
            nightsById.computeIfAbsent(id, k -> new ArrayList<>()).add(night);
            names.putIfAbsent(id, new String[] {night.key().target(), night.key().filter()});
        }
        Map<String, List<TargetFrames.Frame>> framesById = new LinkedHashMap<>();
        for (TargetFrames.Frame frame : frames.all()) {
            String id = NightNames.targetId(frame.target(), frame.filter());
            framesById.computeIfAbsent(id, k -> new ArrayList<>()).add(frame);
            names.putIfAbsent(id, new String[] {frame.target(), frame.filter()});
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        names.forEach((id, name) -> targets.put(id, new Target(id, name[0], name[1], nightsById.getOrDefault(id, List.of()),
                deepStacks.find(name[0], name[1]), framesById.getOrDefault(id, List.of()))));
        return targets;
    }

    private Target existing(String id) {
        Target target = targets().get(id);
        if (target == null) {
            throw new ApiException(404, "not found", "target " + id + " does not exist");
        }
        return target;
    }

    private static NightRecord existingNight(Target target, String date) {
        return target.nights().stream().filter(n -> n.key().nightDate().equals(date)).findFirst()
                .orElseThrow(() -> new ApiException(404, "not found", "target " + target.id() + " has no night " + date));
    }

    private TargetView view(Target target) {
        boolean subs = !target.nights().isEmpty();
        double integration = subs
                ? target.nights().stream().mapToDouble(n -> n.integrationSeconds() == null ? 0 : n.integrationSeconds()).sum()
                : target.frames().stream().mapToDouble(TargetFrames.Frame::integrationSeconds).sum();
        String lastNight = target.nights().stream().map(n -> n.key().nightDate()).max(Comparator.naturalOrder()).orElse(null);
        StackingView stacking = target.nights().stream().filter(n -> n.state() == NightState.STACKING && n.jobId() != null)
                .findFirst().flatMap(n -> jobs.find(n.jobId()).map(j -> new StackingView(n.key().nightDate(), j.id(),
                        j.progressPercent(), j.currentStep()))).orElse(null);
        List<String> activity = new ArrayList<>();
        target.nights().forEach(n -> activity.add(n.updatedAt()));
        target.deep().ifPresent(d -> activity.add(d.updatedAt()));
        target.frames().forEach(f -> activity.add(f.job().completedAt()));
        String updated = activity.stream().filter(a -> a != null).max(Comparator.naturalOrder()).orElse(null);
        return new TargetView(target.id(), target.name(), target.filter().isBlank() ? null : target.filter(),
                subs ? "subs" : "frames", integration, target.nights().size(), lastNight, stacking, latest(target), updated);
    }

    /** The deep stack if it has a picture, else the newest night with one, else the newest frame. */
    private LatestView latest(Target target) {
        Optional<LatestView> deep = target.deep().flatMap(d -> latest(d.deliveredJobId(), NightNames.deepStem(d.target(), d.filter())));
        if (deep.isPresent()) {
            return deep.get();
        }
        for (NightRecord night : target.nights()) {
            Optional<LatestView> view = latest(night.deliveredJobId(), target.name() + " " + night.key().nightDate());
            if (view.isPresent()) {
                return view.get();
            }
        }
        return target.frames().stream().findFirst().flatMap(f -> latest(f.job().id(), f.view().fileName())).orElse(null);
    }

    private Optional<LatestView> latest(Long jobId, String title) {
        return Optional.ofNullable(jobId).flatMap(jobs::find).flatMap(job -> pictures.picture(job).map(p ->
                new LatestView(job.id(), title, job.completedAt(), p.thumbnailUrl(), p.previewUrl(), p.imageUrl())));
    }

    private DeepStackView deepView(DeepStackRecord deep) {
        Optional<JobRecord> delivered = Optional.ofNullable(deep.deliveredJobId()).flatMap(jobs::find);
        Optional<PictureView> picture = delivered.flatMap(pictures::picture);
        return new DeepStackView(deep.jobId(), deep.state().wireName(), deep.error(), deep.nightsUsed(), deep.subsUsed(),
                deep.integrationSeconds(), delivered.map(pictures::outputs).orElse(List.of()),
                picture.map(PictureView::thumbnailUrl).orElse(null), picture.map(PictureView::previewUrl).orElse(null),
                picture.map(PictureView::imageUrl).orElse(null));
    }

    private NightView nightView(NightRecord night, List<TargetFrames.Frame> targetFrames) {
        Optional<JobRecord> delivered = Optional.ofNullable(night.deliveredJobId()).flatMap(jobs::find);
        Optional<PictureView> picture = delivered.flatMap(pictures::picture);
        Double progress = night.state() == NightState.STACKING && night.jobId() != null
                ? jobs.find(night.jobId()).map(JobRecord::progressPercent).orElse(null)
                : null;
        PictureView telescope = targetFrames.stream()
                .filter(f -> "telescope".equals(f.view().source()) && night.key().nightDate().equals(f.nightDate()))
                .findFirst().map(f -> new PictureView(f.view().thumbnailUrl(), f.view().previewUrl(), f.view().imageUrl()))
                .orElse(null);
        return new NightView(night.key().nightDate(), night.state().wireName(), night.error(), night.key().exposureSeconds(),
                night.subsTaken(), night.subsUsed(), flagged(night.flaggedJson()), night.integrationSeconds(),
                night.fwhmMedianPx(), night.fwhmMedianArcsec(), night.jobId(), progress,
                delivered.map(pictures::outputs).orElse(List.of()),
                delivered.flatMap(j -> pictures.first(j, ".png")).orElse(null),
                delivered.flatMap(j -> pictures.first(j, ".json")).orElse(null),
                picture.map(PictureView::thumbnailUrl).orElse(null), picture.map(PictureView::previewUrl).orElse(null),
                picture.map(PictureView::imageUrl).orElse(null), telescope);
    }

    private static List<FlaggedSubView> flagged(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { }).stream()
                    .map(m -> new FlaggedSubView(String.valueOf(m.get("file_name")),
                            m.get("reasons") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flagged_json is not JSON", e);
        }
    }
}
