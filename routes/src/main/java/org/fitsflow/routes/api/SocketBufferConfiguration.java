package org.fitsflow.routes.api;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat moves request and response bodies through per-connection buffers of 8 KiB by default: 1,500
 * socket reads for a 12 MB Seestar frame, 180 writes for its 1.5 MB JPEG. With 64 KiB each way the server's
 * part of an upload and of a download takes less time (measured in {@code bench/README.md}, "Figures behind
 * the code"). Multipart bodies are read by {@link MultipartFormReader}, not by Spring (spring.servlet.multipart.enabled
 * is false).
 */
@Configuration(proxyBeanMethods = false)
public class SocketBufferConfiguration {
    private static final int BUFFER_BYTES = 64 * 1024;

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> largeSocketBuffers() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(BUFFER_BYTES));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(BUFFER_BYTES));
        });
    }
}
