/**
 * Accepts an uploaded file into a session ({@link org.fitsflow.routes.uploads.UploadService}): a generated name,
 * the content checked as a usable FITS image, the decoded image kept for the job that follows
 * ({@link org.fitsflow.routes.uploads.DecodedUploads}). Between the upload endpoint and a file row.
 */
package org.fitsflow.routes.uploads;
