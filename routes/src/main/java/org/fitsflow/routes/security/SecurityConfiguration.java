package org.fitsflow.routes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the {@link AccessFilter} in front of every request, when a token is set. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    @Bean
    FilterRegistrationBean<AccessFilter> accessFilter(AccessCheck access, ObjectMapper json) {
        FilterRegistrationBean<AccessFilter> registration = new FilterRegistrationBean<>(new AccessFilter(access, json));
        registration.setEnabled(access.required());
        // before anything reads the request (form parsing, the dispatcher)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
