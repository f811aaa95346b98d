package org.fitsflow.processors.stacking;

import java.io.IOException;

/** A set of subs that cannot be stacked; the message says why (e.g. every sub flagged, nothing registered). */
public class StackingException extends IOException {
    public StackingException(String reason) {
        super(reason);
    }
}
