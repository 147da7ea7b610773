package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** A secret reaches the service's process, but not Docker's configuration of the container, nor its logged output. */
@Topology
@Service(name = "api", image = "busybox:1.36", secrets = "API_TOKEN=s3cr3t-t0ken", // or "API_TOKEN=${API_TOKEN}": a property or variable
        command = {"sh", "-c", "echo \"token is $API_TOKEN\"; exec sleep 3600"}, waitFor = @WaitFor(log = "token is"))
class SecretsExampleTest {

    @Test
    void theServiceHasTheSecretAndNothingElseShowsIt(ServiceHandle api) {
        String environment = "tr '\\0' '\\n' < /proc/1/environ | grep -c '^API_TOKEN=s3cr3t-t0ken$'";
        assertThat(api.exec("sh", "-c", environment).stdout().strip()).isEqualTo("1"); // the service's own process has it

        List<String> dockersView = List.of(DockerClientFactory.instance().client().inspectContainerCmd(api.containerId()).exec().getConfig().getEnv());
        assertThat(String.join(" ", dockersView)).doesNotContain("API_TOKEN").doesNotContain("s3cr3t-t0ken"); // docker inspect

        assertThat(api.logs()).contains("token is ******").doesNotContain("s3cr3t-t0ken"); // masked in logs and reports
    }
}
