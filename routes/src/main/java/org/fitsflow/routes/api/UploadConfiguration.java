package org.fitsflow.routes.api;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fitsflow.routes.config.FitsflowProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart uploads go straight to disk: a file-size threshold of 0 makes Tomcat write every byte of a
 * part to a file in {@code data/uploads/incoming} as it arrives (nothing is held in memory), and it
 * counts the bytes and stops at {@code fitsflow.upload.max-bytes}.
 */
@Configuration(proxyBeanMethods = false)
public class UploadConfiguration {
    /** Room for the multipart boundaries and the small form fields next to the file. */
    private static final long FORM_OVERHEAD_BYTES = 64 * 1024;

    @Bean
    public MultipartConfigElement multipartConfigElement(FitsflowProperties properties) {
        Path incoming = properties.uploadsDir().resolve("incoming").toAbsolutePath();
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + incoming, e);
        }
        MultipartConfigFactory factory = new MultipartConfigFactory();
        // an absolute path: Tomcat would put a relative one under its own temporary folder
        factory.setLocation(incoming.toString());
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        factory.setMaxFileSize(DataSize.ofBytes(properties.upload().maxBytes()));
        factory.setMaxRequestSize(DataSize.ofBytes(properties.upload().maxBytes() + FORM_OVERHEAD_BYTES));
        return factory.createMultipartConfig();
    }
}
