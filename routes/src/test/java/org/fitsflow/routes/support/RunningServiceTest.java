package org.fitsflow.routes.support;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.fitsflow.routes.FitsflowApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole service on a random port, with a client for its API: a test class of its own per concern,
 * each with its own folders ({@link TestFolders}, registered by the subclass) and its own service, closed
 * after the class.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FitsflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class RunningServiceTest {
    @LocalServerPort
    protected int port;
    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }
}
