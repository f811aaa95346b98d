/**
 * Re-stretching a result from the page: {@link org.fitsflow.routes.restretch.RestretchSettings} (what the
 * user may choose, checked), {@link org.fitsflow.routes.restretch.Restretcher} (a new job with a stretch
 * pipeline built from them over the earlier job's master, or its single frame) and keeping one, whose
 * preview then stands for the earlier job's. Plain Java; the API calls it.
 */
package org.fitsflow.routes.restretch;
