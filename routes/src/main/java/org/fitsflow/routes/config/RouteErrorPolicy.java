package org.fitsflow.routes.config;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error policy of every route, in one place; each route names the one it follows. Nothing is retried
 * and nothing goes to a dead letter, because each failure already has somewhere to go:
 * <ul>
 * <li>{@value #REST}: the REST API's routes answer a failure at once as {@code {"error", "detail"}} with its
 * status ({@code api.ErrorResponses}): the client gets the answer.</li>
 * <li>{@value #BACKGROUND}: the inbox poller, the timers, the Redis queue and a job's container. The failure
 * is logged and the exchange fails, which is what makes the next try: the inbox forgets the file's key and
 * takes the file at its next poll, a timer tries at its next tick, an unacknowledged Redis event is read
 * again, and a container run's caller gets the exception.</li>
 * </ul>
 */
@Component
public class RouteErrorPolicy extends RouteConfigurationBuilder {
    public static final String REST = "rest";
    public static final String BACKGROUND = "background";

    @Override
    public void configuration() {
        routeConfiguration(REST)
                .onException(Exception.class).handled(true)
                .to("bean:errorResponses?method=respond");

        routeConfiguration(BACKGROUND)
                .errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhausted(true)
                        .retriesExhaustedLogLevel(LoggingLevel.ERROR));
    }
}
