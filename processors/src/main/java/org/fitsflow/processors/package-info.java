/**
 * The image library, and its entry point {@link org.fitsflow.processors.Processing}: one call runs a pipeline
 * over one file or a set of subs. Below it: {@code fits} (reading and writing), {@code image} (the model),
 * {@code steps} and {@code stacking} (the algorithms), {@code export}, {@code pipeline} (definitions and the
 * runner) and {@code backend} (CPU and GPU). No Camel, no Spring.
 */
package org.fitsflow.processors;
