package dev.flotilla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.flotilla.support.ContainerJvm;
import org.junit.jupiter.api.Test;

/**
 * On a machine with no Docker engine (here: a JVM in a container with no socket and no engine
 * to reach): one clear message, fast, for every class; or a skip, if the user asks.
 */
class MissingDockerTest {

    private static final String NOWHERE = "unix:///tmp/flotilla-test-no-docker-here.sock";

    @Test
    void everyClassFailsFastWithOneMessageNamingTheEndpointsTried() throws Exception {
        try (ContainerJvm jvm = ContainerJvm.startWithoutEngine(MissingDockerProbe.class, Map.of("DOCKER_HOST", NOWHERE))) {
            jvm.awaitExit(120);
            String output = jvm.output();

            assertThat(output).as(output).contains("RESULT FAILED DockerUnavailableException: No Docker engine could be reached."
                    + " Testcontainers, which finds it for Flotilla, tried:\n"
                    + "  - " + NOWHERE + " (DOCKER_HOST): no such socket\n"
                    + "  - unix:///var/run/docker.sock (the usual socket): no such socket\n"
                    + "  - unix:///root/.docker/run/docker.sock (rootless Docker): no such socket\n");
            assertThat(output).contains("\nFix: start a Docker engine, or point DOCKER_HOST (or tc.host in ~/.testcontainers.properties) at one,"
                    + " for example DOCKER_HOST=unix:///run/podman/podman.sock for Podman or DOCKER_HOST=tcp://host:2375 for a remote engine."
                    + " To skip tests that need Docker where there is none, set flotilla.docker.missing=skip.");
            assertThat(output.split("RESULT FAILED DockerUnavailableException: No Docker engine", -1)).hasSize(3);
            assertThat(output).contains("TESTS started=0 skipped=0 aborted=0");
            assertThat(millis(output)).isLessThan(5_000);
        }
    }

    @Test
    void withTheSkipSettingTheClassesAreAbortedInstead() throws Exception {
        try (ContainerJvm jvm = ContainerJvm.startWithoutEngine(MissingDockerProbe.class,
                Map.of("DOCKER_HOST", NOWHERE, "FLOTILLA_DOCKER_MISSING", "skip"))) {
            jvm.awaitExit(120);
            String output = jvm.output();

            assertThat(output).as(output).contains("RESULT ABORTED TestAbortedException: Skipped (flotilla.docker.missing=skip):"
                    + " No Docker engine could be reached.");
            assertThat(output).contains("TESTS started=0 skipped=0 aborted=2");
        }
    }

    private static long millis(String output) {
        return output.lines().filter(l -> l.startsWith("MILLIS ")).mapToLong(l -> Long.parseLong(l.substring(7))).findFirst().orElseThrow();
    }
}
