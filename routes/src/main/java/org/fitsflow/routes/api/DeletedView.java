package org.fitsflow.routes.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The answer to a delete: the id of what is gone. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeletedView(long id, boolean deleted) {
    static DeletedView of(long id) {
        return new DeletedView(id, true);
    }
}
