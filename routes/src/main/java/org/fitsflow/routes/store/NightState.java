package org.fitsflow.routes.store;

import java.util.Locale;

/** A night's or a deep stack's state as stored and shown: open while subs arrive, then stacking, done or failed. */
public enum NightState {
    OPEN, STACKING, DONE, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NightState fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
