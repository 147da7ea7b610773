package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.Build;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.ServiceStartException;
import dev.flotilla.Topology;
import dev.flotilla.WaitFor;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/**
 * {@code @WaitFor(healthcheck = true)} on a service without declared ports: ready when healthy
 * and a port its image exposes is listened on inside the container. The image is healthy at once
 * and listens on its exposed port 7000 two seconds later, as a database whose first
 * initialization serves its Unix socket only.
 */
class ExposedPortsReadinessTest {

    private static final String LISTENS_LATE = "src/test/resources/readiness/listens-late";
    private static final String NEVER_LISTENS = "touch /tmp/up; exec sleep 600";

    @Test
    void healthyIsNotReadyUntilAPortTheImageExposesIsListenedOn() {
        try (RunningTopology running = Flotilla.fromAnnotations(Late.class).start()) {
            ServiceHandle app = running.service("app");
            // The echo server listens only after two seconds; had ready come with healthy, it would not answer.
            assertThat(app.exec("sh", "-c", "echo hi | nc -w 1 127.0.0.1 7000").stdout()).isEqualTo("hi\n");
        }
        assertThat(DockerState.leftoversOfName("exposed-late")).isZero();
    }

    @Test
    void exposedPortsFalseIsReadyWhenHealthyAlone() {
        try (RunningTopology running = Flotilla.fromAnnotations(HealthAlone.class).start()) {
            ServiceHandle app = running.service("app");
            assertThat(app.exec("test", "-f", "/tmp/up").exitCode()).isZero();
            assertThat(ContainerListeners.listeningPorts(app.exec("cat", "/proc/net/tcp", "/proc/net/tcp6").stdout()))
                    .as("nothing listens, yet it is ready").doesNotContain(7000);
        }
        assertThat(DockerState.leftoversOfName("exposed-alone")).isZero();
    }

    @Test
    void aServiceThatNeverListensOnItsImagesPortsFailsWithTheSwitchNamed() {
        assertThatThrownBy(() -> Flotilla.fromAnnotations(NeverListens.class).start())
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("Service \"app\"")
                .hasMessageContaining("healthy, but nothing listens inside the container on a port the image exposes [7000] yet"
                        + " (listened on: []); a service that never listens on them: switch this off with"
                        + " @WaitFor(healthcheck = true, exposedPorts = false) or the compose label dev.flotilla.wait-for-exposed-ports: \"false\"");
        assertThat(DockerState.leftoversOfName("exposed-never")).isZero();
    }

    @Topology(name = "exposed-late")
    @Service(name = "app", build = @Build(context = LISTENS_LATE), waitFor = @WaitFor(healthcheck = true))
    static class Late {
    }

    @Topology(name = "exposed-alone")
    @Service(name = "app", build = @Build(context = LISTENS_LATE), command = {"sh", "-c", NEVER_LISTENS},
            waitFor = @WaitFor(healthcheck = true, exposedPorts = false))
    static class HealthAlone {
    }

    @Topology(name = "exposed-never")
    @Service(name = "app", build = @Build(context = LISTENS_LATE), command = {"sh", "-c", NEVER_LISTENS},
            waitFor = @WaitFor(healthcheck = true), startupTimeout = "2s")
    static class NeverListens {
    }
}
