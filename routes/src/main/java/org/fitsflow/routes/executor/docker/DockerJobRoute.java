package org.fitsflow.routes.executor.docker;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.docker.DockerConstants;
import org.fitsflow.routes.config.RouteErrorPolicy;

/**
 * One container per job: remove what an earlier attempt left, create it from the gpu-worker image with
 * the job folder bound at /job, start it, follow its progress lines, stop it when it times out or the
 * job is cancelled, read its exit state and result.json, and remove it whatever happened. The body in
 * is a {@link ContainerRun}, the body out a {@link ContainerEnd}.
 */
public class DockerJobRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:docker-job";
    private static final int STOP_GRACE_SECONDS = 10;

    private final JobContainerSpec spec;
    private final ContainerLogFollower follower;
    private final ContainerEndReader reader;
    private final LeftoverContainers leftovers;

    public DockerJobRoute(JobContainerSpec spec, ContainerLogFollower follower, ContainerEndReader reader,
                          LeftoverContainers leftovers) {
        this.spec = spec;
        this.follower = follower;
        this.reader = reader;
        this.leftovers = leftovers;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("docker-job").routeConfigurationId(RouteErrorPolicy.BACKGROUND)
                .setProperty("run", body())
                .bean(leftovers, "remove")
                .bean(ContainerJobFolder.class, "prepare")
                .setHeader(DockerConstants.DOCKER_IMAGE, method(spec, "image"))
                .setHeader(DockerConstants.DOCKER_USER, method(spec, "user"))
                .setHeader(DockerConstants.DOCKER_NAME, method(spec, "containerName(${exchangeProperty.run})"))
                .setHeader(DockerConstants.DOCKER_HOST_CONFIG, method(spec, "hostConfig(${exchangeProperty.run})"))
                .setHeader(DockerConstants.DOCKER_CMD, constant(ContainerJobFolder.MOUNT + "/" + ContainerJobFolder.JOB_FILE))
                .to(docker("containercreate"))
                .setHeader(DockerConstants.DOCKER_CONTAINER_ID, simple("${body.id}"))
                .log("Job ${exchangeProperty.run.ticket().jobId()}: container ${header.CamelDockerName} (${header.CamelDockerImage})")
                .doTry()
                    .to(docker("containerstart"))
                    .setProperty("end", method(follower, "follow(${exchangeProperty.run}, ${header.CamelDockerContainerId})"))
                    .filter(simple("${exchangeProperty.end.needsStop()}"))
                        .setHeader(DockerConstants.DOCKER_TIMEOUT, constant(STOP_GRACE_SECONDS))
                        .to(docker("containerstop"))
                    .endDoTry()
                    .to(docker("inspectcontainer"))
                    .setProperty("result", method(reader, "read(${exchangeProperty.run}, ${exchangeProperty.end}, ${body})"))
                .doFinally()
                    .setHeader(DockerConstants.DOCKER_FORCE, constant(true))
                    .to(docker("containerremove"))
                .end()
                .setBody(exchangeProperty("result"));
    }

    private String docker(String operation) {
        return "docker:" + operation + "?host={{fitsflow.docker.socket:/var/run/docker.sock}}&socket=true";
    }
}
