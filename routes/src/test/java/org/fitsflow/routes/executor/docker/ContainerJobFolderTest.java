package org.fitsflow.routes.executor.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fitsflow.processors.pipeline.PipelineLibrary;
import org.fitsflow.routes.jobs.JobTicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** job.json as the container reads it: the subs under "inputs", the calibration frames under their own names. */
class ContainerJobFolderTest {
    @TempDir
    Path jobDir;

    @Test
    void theCalibrationFramesOfATicketGoToJobJsonApartFromTheSubs() throws IOException {
        JobTicket ticket = stackTicket();
        for (String name : ticket.stagedNames()) {
            Files.writeString(Files.createDirectories(jobDir.resolve("input")).resolve(name), name);
        }

        ContainerJobFolder.prepare(new ContainerRun(ticket, jobDir, jobDir, (percent, step) -> { }, "test"));

        JsonNode job = new ObjectMapper().readTree(jobDir.resolve("job.json").toFile());
        assertThat(job.get("inputs")).extracting(JsonNode::asText).containsExactly("input/1-sub.fit", "input/2-sub.fit");
        assertThat(job.get("flats")).extracting(JsonNode::asText).containsExactly("input/3-flat.fit");
        assertThat(job.get("darks")).isEmpty();
        assertThat(job.get("biases")).isEmpty();
    }

    @Test
    void aCalibrationFrameMissingFromTheJobFolderIsNamed() throws IOException {
        JobTicket ticket = stackTicket();
        for (String name : ticket.inputNames()) {
            Files.writeString(Files.createDirectories(jobDir.resolve("input")).resolve(name), name);
        }

        assertThatThrownBy(() -> ContainerJobFolder.prepare(new ContainerRun(ticket, jobDir, jobDir, (percent, step) -> { }, "test")))
                .isInstanceOf(IOException.class).hasMessageContaining("3-flat.fit");
    }

    private static JobTicket stackTicket() {
        return new JobTicket(5, "jobs/5", List.of("1-sub.fit", "2-sub.fit"), PipelineLibrary.builtIn("stack_subs"),
                "session-1.stack_subs", List.of(), List.of(), List.of("3-flat.fit"));
    }
}
