package org.fitsflow.routes.restretch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.processors.pipeline.StepSpec;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.jobs.JobStatus;
import org.fitsflow.routes.pipelines.PipelineCatalog;
import org.fitsflow.routes.queue.JobQueue;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.HeaderJson;
import org.fitsflow.routes.store.JobRecord;
import org.fitsflow.routes.store.JobStore;
import org.fitsflow.routes.store.NewFile;
import org.fitsflow.routes.store.RestretchStore;
import org.fitsflow.routes.worker.JobFolders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a re-stretch: a job in the earlier job's session, over its linear FITS master when its pipeline stacks
 * (a night's, the deep stack's, {@code stack_subs}'), else over its single input frame. Its pipeline runs the
 * earlier pipeline's steps before its stretch (gradient removal, colour neutralisation ...), so that only the
 * stretch differs, then one {@code histogram_stretch} with the user's settings and a JPEG export (with its
 * thumbnails). The pipeline is stored like a custom one, named after its steps
 * ({@value #PIPELINE_PREFIX} and a digest), so that a queued re-stretch survives a restart and runs on any
 * executor; the same settings reuse it. A master is linked into the uploads folder as the job's input file,
 * where retention treats it as an upload.
 */
@Component
public class Restretcher {
    public static final String PIPELINE_PREFIX = "restretch-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FITS = List.of(".fit", ".fits", ".fts");

    private final JobStore jobs;
    private final FileStore files;
    private final RestretchStore restretches;
    private final PipelineCatalog pipelines;
    private final JobQueue queue;
    private final JobFolders folders;
    private final HeaderJson headerJson;
    private final TransactionTemplate transactions;
    private final Path uploadsDir;

    public Restretcher(JobStore jobs, FileStore files, RestretchStore restretches, PipelineCatalog pipelines, JobQueue queue,
                       JobFolders folders, HeaderJson headerJson, TransactionTemplate transactions, FitsflowProperties properties) {
        this.jobs = jobs;
        this.files = files;
        this.restretches = restretches;
        this.pipelines = pipelines;
        this.queue = queue;
        this.folders = folders;
        this.headerJson = headerJson;
        this.transactions = transactions;
        this.uploadsDir = properties.uploadsDir().toAbsolutePath().normalize();
    }

    public static boolean isRestretchPipeline(String name) {
        return name.startsWith(PIPELINE_PREFIX);
    }

    /**
     * A queued re-stretch of the job; a re-stretch of a re-stretch starts again from the first one's source.
     *
     * @throws InvalidPipelineException when the step refuses the settings (a value out of its range)
     * @throws RestretchRefusedException when the job has no master or frame to stretch now
     */
    public JobRecord restretch(JobRecord job, RestretchSettings settings) throws IOException {
        JobRecord source = restretches.find(job.id()).flatMap(r -> jobs.find(r.sourceJobId())).orElse(job);
        Optional<PipelineDefinition> sourcePipeline = pipelines.find(source.pipelineName());
        PipelineDefinition pipeline = pipelineFor(settings, sourcePipeline.map(Restretcher::stepsBeforeStretch).orElse(List.of()));
        // a pipeline no longer known: a FITS output over several inputs can only be a master
        boolean stacked = sourcePipeline.map(p -> p.subs().stacks()).orElse(source.inputFileIds().size() != 1);
        FileRecord input = inputOf(source, stacked);
        String settingsJson = JSON.writeValueAsString(settings.ordered());
        JobRecord created = transactions.execute(status -> {
            JobRecord inserted = jobs.insert(source.sessionId(), input.id(), pipeline.name());
            restretches.insert(inserted.id(), source.id(), settingsJson);
            return inserted;
        });
        queue.submit(created.id());
        return created;
    }

    /**
     * Keeps a re-stretch: its preview stands for its source job's from now on. Keeping a job that is no
     * re-stretch brings back its own preview.
     *
     * @return the source job's id
     */
    public long keep(JobRecord job) {
        Optional<RestretchStore.Restretch> restretch = restretches.find(job.id());
        if (restretch.isEmpty()) {
            restretches.keep(job.id(), null);
            return job.id();
        }
        if (job.status() != JobStatus.COMPLETE) {
            throw new RestretchRefusedException("re-stretch " + job.id() + " is " + job.status().wireName() + "; only a complete one can be kept");
        }
        restretches.keep(restretch.get().sourceJobId(), job.id());
        return restretch.get().sourceJobId();
    }

    /** The source pipeline's steps up to its first stretch, as a pipeline definition writes them. */
    private static List<Map<String, Object>> stepsBeforeStretch(PipelineDefinition pipeline) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepSpec spec : pipeline.steps()) {
            if (spec.type().equals(RestretchSettings.STEP)) {
                break;
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", spec.type());
            step.putAll(new TreeMap<>(spec.params()));
            steps.add(step);
        }
        return steps;
    }

    private PipelineDefinition pipelineFor(RestretchSettings settings, List<Map<String, Object>> before) {
        Map<String, Object> stretch = settings.ordered();
        List<Map<String, Object>> steps = new ArrayList<>(before);
        steps.add(stretch);
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", PIPELINE_PREFIX + digest(steps));
        definition.put("description", "Re-stretch from the page: " + stretch);
        definition.put("steps", steps);
        definition.put("exports", List.of(Map.of("format", "jpeg", "quality", 95)));
        try {
            // JSON is YAML: the stored definition reads back as it was checked
            return pipelines.addCustom(JSON.writeValueAsString(definition));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private FileRecord inputOf(JobRecord source, boolean stacked) throws IOException {
        if (source.status() != JobStatus.COMPLETE) {
            throw new RestretchRefusedException("job " + source.id() + " is " + source.status().wireName() + "; only a complete job can be re-stretched");
        }
        // the FITS of a pipeline over one file is an export, after its steps: the input frame is the linear one
        Optional<String> master = stacked ? source.outputFiles().stream().filter(Restretcher::isFits).findFirst() : Optional.empty();
        if (master.isPresent()) {
            if (source.outputsDeletedAt() != null) {
                throw new RestretchRefusedException("the outputs of job " + source.id() + " were removed by retention on " + source.outputsDeletedAt());
            }
            Path file = folders.output(source.id(), master.get())
                    .orElseThrow(() -> new RestretchRefusedException("the master " + master.get() + " of job " + source.id() + " is missing"));
            return linkAsInput(source, master.get(), file);
        }
        if (source.inputFileIds().size() != 1) {
            throw new RestretchRefusedException("job " + source.id() + " has " + source.inputFileIds().size()
                    + " input files and no FITS master to re-stretch");
        }
        FileRecord frame = files.find(source.inputFileIds().get(0))
                .orElseThrow(() -> new RestretchRefusedException("the input file of job " + source.id() + " is gone"));
        if (frame.deletedAt() != null || !Files.isRegularFile(Path.of(frame.storedPath()))) {
            throw new RestretchRefusedException("the input file " + frame.originalName() + " of job " + source.id()
                    + " is no longer there" + (frame.deletedAt() == null ? "" : " (retention removed it on " + frame.deletedAt() + ")"));
        }
        return frame;
    }

    private FileRecord linkAsInput(JobRecord source, String name, Path master) throws IOException {
        Files.createDirectories(uploadsDir);
        Path linked = uploadsDir.resolve(UUID.randomUUID() + "_master_of_job_" + source.id() + extension(name));
        try {
            Files.createLink(linked, master);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(master, linked);
        }
        return files.insert(NewFile.upload(source.sessionId(), name, linked.toString(), "stacked", Files.size(linked),
                headerJson.write(FitsReader.readHeader(linked))));
    }

    private static boolean isFits(String name) {
        return FITS.contains(extension(name).toLowerCase(Locale.ROOT));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static String digest(List<Map<String, Object>> steps) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(steps).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
