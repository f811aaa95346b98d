package org.fitsflow.routes.executor.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fitsflow.processors.io.FolderTree;
import org.fitsflow.routes.jobs.JobTicket;

/**
 * Readies a job folder for a container: {@code job.json} with the paths as the container sees them, an
 * empty {@code outputs/}, no {@code result.json} of an earlier attempt, and permissions that let the
 * container's non-root user write there whatever uid this service runs as.
 */
final class ContainerJobFolder {
    static final String MOUNT = "/job";
    static final String JOB_FILE = "job.json";
    static final String RESULT_FILE = "result.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContainerJobFolder() {
    }

    static void prepare(ContainerRun run) throws IOException {
        Path jobDir = run.jobDir();
        JobTicket ticket = run.ticket();
        Path inputFolder = jobDir.resolve(JobTicket.INPUT_FOLDER);
        for (String name : ticket.stagedNames()) {
            if (!Files.isRegularFile(inputFolder.resolve(name))) {
                throw new IOException("the job's input is missing: " + inputFolder.resolve(name));
            }
        }
        List<String> inputs = inContainer(ticket.inputNames());
        Path outputs = jobDir.resolve(JobTicket.OUTPUT_FOLDER);
        FolderTree.delete(outputs);
        Files.deleteIfExists(jobDir.resolve(RESULT_FILE));
        Files.createDirectories(outputs);

        Map<String, Object> job = new LinkedHashMap<>();
        job.put("job_id", Long.toString(ticket.jobId()));
        // "input" alone is what workers read that predate "inputs"
        job.put("input", inputs.get(0));
        job.put("inputs", inputs);
        job.put("pipeline", PipelineDocument.of(ticket.pipeline()));
        job.put("output_stem", ticket.outputStem());
        job.put("biases", inContainer(ticket.biasNames()));
        job.put("darks", inContainer(ticket.darkNames()));
        job.put("flats", inContainer(ticket.flatNames()));
        Path temp = jobDir.resolve("." + JOB_FILE + ".tmp");
        JSON.writeValue(temp.toFile(), job);
        Files.move(temp, jobDir.resolve(JOB_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        // the container writes result.json into the job folder and its outputs below it
        Files.setPosixFilePermissions(jobDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(outputs, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(jobDir.resolve(JOB_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(inputFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String name : ticket.stagedNames()) {
            Files.setPosixFilePermissions(inputFolder.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Names inside the input folder as paths relative to the job folder, where the container reads them. */
    private static List<String> inContainer(List<String> names) {
        return names.stream().map(name -> JobTicket.INPUT_FOLDER + "/" + name).toList();
    }
}
