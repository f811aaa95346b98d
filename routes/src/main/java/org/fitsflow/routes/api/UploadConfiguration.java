package org.fitsflow.routes.api;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat reads a request body from the socket in pieces of its application read buffer, 8 KiB by
 * default: 1,500 reads for a 12 MB Seestar frame. With 64 KiB the server's part of such an upload took
 * 11 ms instead of 19 (median of 10 uploads over the loopback, bench/rest_latency.py). Multipart bodies
 * are read by {@link MultipartFormReader}, not by Spring (spring.servlet.multipart.enabled is false).
 */
@Configuration(proxyBeanMethods = false)
public class UploadConfiguration {
    private static final int SOCKET_READ_BUFFER_BYTES = 64 * 1024;

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> uploadReadBuffer() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_READ_BUFFER_BYTES)));
    }
}
