/**
 * The {@code fitsflow.*} settings ({@link org.fitsflow.routes.config.FitsflowProperties}, with the
 * {@code queue} and {@code executor} choices) and the routes' shared error policy
 * ({@link org.fitsflow.routes.config.RouteErrorPolicy}). Used by every other package, and uses none.
 */
package org.fitsflow.routes.config;
