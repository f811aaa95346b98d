package org.fitsflow.worker;

import java.util.Map;

/**
 * {@code job.json}: what one container run processes. {@code input} is relative to the job folder or
 * absolute; {@code pipeline} is the whole definition (as posted to {@code POST /pipelines}), so that the
 * container needs no configuration folder; {@code outputStem} names the outputs {@code <stem>.<ext>}.
 */
public record JobRequest(String jobId, String input, Map<String, Object> pipeline, String outputStem) {
}
