package org.fitsflow.routes.nights;

import org.apache.camel.builder.RouteBuilder;
import org.fitsflow.routes.config.RouteErrorPolicy;
import org.springframework.stereotype.Component;

/**
 * The nights' clock: every {@code check-interval}, {@link NightStacker} closes the nights that went quiet, records
 * the stacks that ended and starts the deep stacks they call for. A look that fails (database busy) is logged and
 * the next one does its work, since everything it acts on is in the database.
 */
@Component
public class NightsRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("timer:nights?delay={{fitsflow.nights.check-interval}}&period={{fitsflow.nights.check-interval}}")
                .routeId("nights").routeConfigurationId(RouteErrorPolicy.BACKGROUND)
                .bean(NightStacker.class, "look");
    }
}
