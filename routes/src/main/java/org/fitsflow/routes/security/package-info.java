/**
 * The access token: {@link org.fitsflow.routes.security.AccessFilter} checks every request
 * ({@link org.fitsflow.routes.security.AccessCheck}), {@link org.fitsflow.routes.security.SignInController} trades
 * the token for the page's cookie, and {@link org.fitsflow.routes.security.NetworkBinding} keeps the service on the
 * loopback interface without one. In front of the API, before any request reaches it.
 */
package org.fitsflow.routes.security;
