package org.fitsflow.routes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The FitsFlow service: inbox, REST API, queue and executors around the processors library. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FitsflowApplication {
    public static void main(String[] args) {
        // fitsflow.role=worker: only takes jobs from Redis (no REST API, inbox or database)
        if (WorkerApplication.requested(args)) {
            WorkerApplication.start(args);
            return;
        }
        SpringApplication.run(FitsflowApplication.class, args);
    }
}
