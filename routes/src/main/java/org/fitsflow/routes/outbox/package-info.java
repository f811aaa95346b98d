/**
 * Delivery of an inbox job's outputs to {@code outbox/<folder>/} ({@link org.fitsflow.routes.outbox.OutboxDelivery}),
 * under a hidden name and renamed, so that no reader sees half a file. The last stop of an inbox file, called
 * by the {@code worker} package's {@code JobFinisher}.
 */
package org.fitsflow.routes.outbox;
