package org.fitsflow.routes.api;

import java.util.List;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A night of a target. The outputs and pictures are those of its latest finished stack (kept while a new one runs or
 * after one failed); {@code job_id} is its latest stack job, {@code progress_percent} that job's while it runs.
 * {@code telescope_stack}: the Seestar's own stack of that target and night, for before and after.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NightView(String date, String state, String error, double exposureSeconds, int subsTaken, Integer subsUsed,
                        List<FlaggedSubView> subsFlagged, Double integrationSeconds, Double fwhmMedianPx,
                        Double fwhmMedianArcsec, Long jobId, Double progressPercent, List<OutputView> outputs,
                        String qualityPlotUrl, String reportUrl, String thumbnailUrl, String previewUrl, String imageUrl,
                        PictureView telescopeStack) {
}
