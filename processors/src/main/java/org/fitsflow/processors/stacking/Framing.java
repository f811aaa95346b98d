package org.fitsflow.processors.stacking;

/**
 * What happens to the master's pixels outside the area most subs cover (a night rotated against another,
 * or a drifting mount, leaves corners covered by few subs, noisier than the rest): {@code CROP} keeps the
 * largest rectangle covered by more than half of the subs used (the default, for previews); {@code KEEP}
 * keeps the whole reference grid and writes a coverage map beside the master.
 */
public enum Framing {
    CROP, KEEP
}
