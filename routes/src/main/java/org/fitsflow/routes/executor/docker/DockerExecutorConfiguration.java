package org.fitsflow.routes.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientBuilder;
import com.github.dockerjava.netty.NettyDockerCmdExecFactory;
import java.nio.file.Path;
import org.apache.camel.ProducerTemplate;
import org.fitsflow.routes.jobs.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code fitsflow.executor=docker}: jobs run in containers of the gpu-worker image. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fitsflow.executor", havingValue = "docker")
@EnableConfigurationProperties(DockerExecutorSettings.class)
public class DockerExecutorConfiguration {

    /** For following container output and finding leftovers; the route's own operations go through camel-docker. */
    @Bean(destroyMethod = "close")
    DockerClient dockerClient(DockerExecutorSettings settings) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix://" + settings.socket())
                .build();
        return DockerClientBuilder.getInstance(config).withDockerCmdExecFactory(new NettyDockerCmdExecFactory()).build();
    }

    @Bean
    DockerJobRoute dockerJobRoute(DockerExecutorSettings settings, DockerClient dockerClient) {
        return new DockerJobRoute(new JobContainerSpec(settings), new ContainerLogFollower(dockerClient, settings.timeout()),
                new ContainerEndReader(settings), new LeftoverContainers(dockerClient));
    }

    @Bean
    JobExecutor dockerExecutor(ProducerTemplate template, DockerExecutorSettings settings,
                               @Value("${fitsflow.data-dir}") Path dataDir) {
        return new DockerExecutor(template, dataDir.toAbsolutePath().normalize(), settings);
    }
}
