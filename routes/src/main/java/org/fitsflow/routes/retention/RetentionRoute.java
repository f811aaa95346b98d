package org.fitsflow.routes.retention;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.fitsflow.routes.config.RouteErrorPolicy;
import org.springframework.stereotype.Component;

/**
 * Runs the retention sweep every {@code fitsflow.retention.interval}. A failed sweep is logged; the next
 * tick tries again ({@link RouteErrorPolicy#BACKGROUND}).
 */
@Component
public class RetentionRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("timer:retention?period={{fitsflow.retention.interval}}&delay={{fitsflow.retention.first-delay}}")
                .routeId("retention").routeConfigurationId(RouteErrorPolicy.BACKGROUND)
                .bean(RetentionSweeper.class, "sweep")
                .log(LoggingLevel.DEBUG, "Retention sweep: ${body}");
    }
}
