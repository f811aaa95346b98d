package org.fitsflow.routes.api;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * The REST routes' responses carry only the headers the API means to send. Camel would otherwise copy
 * every message header into the response, the request's own headers included (cookies, authorization,
 * path and query parameters).
 */
@Component("responseHeaderFilter")
public class ResponseHeaderFilter extends HttpHeaderFilterStrategy {
    private static final Set<String> SENT = Set.of("content-type", "content-disposition", "content-length");
    /** Caching headers set by a route itself ({@code ThumbnailFile}); the HTTP strategy would drop Cache-Control. */
    private static final Set<String> CACHING = Set.of("etag", "cache-control");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        String name = headerName.toLowerCase(Locale.ROOT);
        if (CACHING.contains(name)) {
            return false;
        }
        return !SENT.contains(name) || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}
