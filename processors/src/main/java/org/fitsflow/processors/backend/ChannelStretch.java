package org.fitsflow.processors.backend;

/** The stretch of one channel: shadows clip {@code c0} and midtones balance {@code m}, as {@link ComputeBackend#stretch} takes them. */
public record ChannelStretch(double c0, double m) {
}
