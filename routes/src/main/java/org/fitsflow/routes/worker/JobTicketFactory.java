package org.fitsflow.routes.worker;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.Processing;
import org.fitsflow.processors.pipeline.InvalidPipelineException;
import org.fitsflow.processors.pipeline.PipelineDefinition;
import org.fitsflow.routes.config.FitsflowProperties;
import org.fitsflow.routes.jobs.JobTicket;
import org.fitsflow.routes.pipelines.PipelineCatalog;
import org.fitsflow.routes.store.FileRecord;
import org.fitsflow.routes.store.FileStore;
import org.fitsflow.routes.store.JobRecord;
import org.springframework.stereotype.Component;

/**
 * Turns a job row into a ticket its executor can run without the database; the pipeline goes in whole.
 * Where another process may run the job (Redis workers, containers), its inputs are staged into the job
 * folder (a hard link when the file is on the same file system, else a copy), since workers see the shared
 * data folder but not the telescope's inbox. The local executor behind the in-process queue reads them
 * where they are, so an inbox file is never copied and an upload's decoded image is found by its path.
 * This is where a job's files are told apart: for a pipeline over a set of subs, the files of type
 * {@code bias}, {@code dark} and {@code flat} calibrate the others rather than being stacked with them.
 */
@Component
public class JobTicketFactory {
    private static final String LIGHT = "light";
    private static final String BIAS = "bias";
    private static final String DARK = "dark";
    private static final String FLAT = "flat";

    private final FileStore files;
    private final PipelineCatalog pipelines;
    private final JobFolders folders;
    private final Path dataDir;
    private final boolean staged;

    public JobTicketFactory(FileStore files, PipelineCatalog pipelines, JobFolders folders, FitsflowProperties properties) {
        this.files = files;
        this.pipelines = pipelines;
        this.folders = folders;
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
        this.staged = !properties.runsJobsInProcess();
    }

    /**
     * @throws IOException when the input cannot be staged (the message names the file)
     * @throws InvalidPipelineException when the job's pipeline no longer exists
     */
    public JobTicket ticketFor(JobRecord job) throws IOException {
        PipelineDefinition pipeline = pipelines.find(job.pipelineName())
                .orElseThrow(() -> new InvalidPipelineException("unknown pipeline '" + job.pipelineName() + "'"));
        List<FileRecord> inputs = new ArrayList<>();
        for (long fileId : job.inputFileIds()) {
            inputs.add(files.find(fileId)
                    .orElseThrow(() -> new IOException("job " + job.id() + " refers to file " + fileId + ", which is gone")));
        }
        Map<String, List<FileRecord>> byRole = byRole(pipeline, inputs);
        String jobFolder = dataDir.relativize(folders.jobDir(job.id())).toString();
        return new JobTicket(job.id(), jobFolder, names(job, byRole.get(LIGHT)), pipeline, OutputStem.of(job, inputs),
                names(job, byRole.get(BIAS)), names(job, byRole.get(DARK)), names(job, byRole.get(FLAT)));
    }

    /** The lights and the calibration frames by file type; only a pipeline over a set of subs is calibrated. */
    private static Map<String, List<FileRecord>> byRole(PipelineDefinition pipeline, List<FileRecord> inputs) {
        Map<String, List<FileRecord>> roles = new HashMap<>();
        for (String role : List.of(LIGHT, BIAS, DARK, FLAT)) {
            roles.put(role, new ArrayList<>());
        }
        boolean overSet = Processing.runsOverSet(pipeline, inputs.size());
        for (FileRecord file : inputs) {
            String role = overSet && roles.containsKey(file.fileType()) ? file.fileType() : LIGHT;
            roles.get(role).add(file);
        }
        return roles;
    }

    private List<String> names(JobRecord job, List<FileRecord> records) throws IOException {
        Path inputFolder = folders.inputDir(job.id());
        List<String> names = new ArrayList<>();
        for (FileRecord file : records) {
            Path source = Path.of(file.storedPath()).toAbsolutePath();
            if (!staged) {
                names.add(source.toString());
                continue;
            }
            // the file id keeps two uploads of the same name apart
            String name = file.id() + "-" + source.getFileName();
            stage(source, inputFolder.resolve(name));
            names.add(name);
        }
        return names;
    }

    private static void stage(Path source, Path staged) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("the input file " + source + " no longer exists");
        }
        if (Files.isRegularFile(staged) && Files.size(staged) == Files.size(source)) {
            return;
        }
        Files.createDirectories(staged.getParent());
        Files.deleteIfExists(staged);
        try {
            Files.createLink(staged, source);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // another file system (the inbox on a network share), or no hard links: copy
            Path temp = staged.resolveSibling("." + staged.getFileName() + ".tmp");
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
