package dev.flotilla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.flotilla.support.ChildJvm;
import org.junit.jupiter.api.Test;

/** Where no Docker engine answers: one clear message, fast, for every class; or a skip, if the user asks. */
class MissingDockerTest {

    private static final String NOWHERE = "unix:///tmp/flotilla-test-no-docker-here.sock";

    private static final String MESSAGE = "No Docker engine could be reached. Endpoints tried:\n"
            + "  - " + NOWHERE + " (no such socket)\n"
            + "Fix: start a Docker engine (or Podman with its Docker-compatible socket), or point DOCKER_HOST at it,"
            + " for example DOCKER_HOST=unix:///var/run/docker.sock or DOCKER_HOST=tcp://host:2375."
            + " To skip tests that need Docker where there is none, set flotilla.docker.missing=skip.";

    @Test
    void everyClassFailsFastWithOneMessageNamingTheEndpointsTried() throws Exception {
        ChildJvm child = ChildJvm.start(MissingDockerProbe.class, Map.of("DOCKER_HOST", NOWHERE), List.of());
        child.awaitExit(60);
        String output = child.output();

        assertThat(output).contains("RESULT FAILED DockerUnavailableException: " + MESSAGE);
        assertThat(output.split("RESULT FAILED DockerUnavailableException: No Docker engine", -1)).hasSize(3);
        assertThat(output).contains("TESTS started=0 skipped=0 aborted=0");
        assertThat(millis(output)).isLessThan(5_000);
    }

    @Test
    void withTheSkipSettingTheClassesAreAbortedInstead() throws Exception {
        ChildJvm child = ChildJvm.start(MissingDockerProbe.class, Map.of("DOCKER_HOST", NOWHERE),
                List.of("-Dflotilla.docker.missing=skip"));
        child.awaitExit(60);
        String output = child.output();

        assertThat(output).contains("RESULT ABORTED TestAbortedException: Skipped (flotilla.docker.missing=skip): " + MESSAGE);
        assertThat(output).contains("TESTS started=0 skipped=0 aborted=2");
    }

    private static long millis(String output) {
        return output.lines().filter(l -> l.startsWith("MILLIS ")).mapToLong(l -> Long.parseLong(l.substring(7))).findFirst().orElseThrow();
    }
}
