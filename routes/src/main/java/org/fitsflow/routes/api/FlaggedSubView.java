package org.fitsflow.routes.api;

import java.util.List;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A sub the night's stack left out, and why (fwhm, clouds, trailing ...). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FlaggedSubView(String fileName, List<String> reasons) {
}
