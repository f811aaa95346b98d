package org.fitsflow.routes.api;

import java.util.List;

/** {@code GET /targets}: the targets, newest activity first. */
public record TargetListView(List<TargetView> targets) {
    public TargetListView {
        targets = List.copyOf(targets);
    }
}
