package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.flotilla.support.DockerState;
import dev.flotilla.support.TestImages;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import org.junit.jupiter.api.Test;

/**
 * Each kind of readiness condition, against containers that become ready only after a delay
 * they control: a start that returned early would find the service not ready yet.
 */
class ReadinessTest {

    @Test
    void defaultWaitsUntilTheDeclaredPortAcceptsConnections() {
        try (RunningTopology running = Flotilla.topology("ports")
                .service("late", "busybox:1.36", s -> s.ports(7000).command("sh", "-c", "sleep 2; nc -ll -p 7000 -e cat"))
                .build().start()) {
            ServiceHandle late = running.service("late");
            // The echo server listens only after two seconds; had the wait returned early, it would not answer.
            assertThat(late.exec("sh", "-c", "echo hi | nc -w 1 127.0.0.1 7000").stdout()).isEqualTo("hi\n");
            assertThat(secondsSinceStart(late)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void httpWaitsForTheExpectedStatus() {
        String script = "mkdir -p /www; httpd -p 8080 -h /www; sleep 2; echo ok > /www/health; sleep 600";
        try (RunningTopology running = Flotilla.topology("http")
                .service("web", "busybox:1.36", s -> s.ports(8080).command("sh", "-c", script).waitForHttp(8080, "/health", 200))
                .build().start()) {
            // httpd answered 404 for two seconds; ready means the file exists.
            assertThat(running.service("web").exec("cat", "/www/health").stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void logWaitsForTheNthMatchingLine() {
        String script = "echo 'ready to accept connections'; sleep 2; echo 'ready to accept connections'; sleep 600";
        try (RunningTopology running = Flotilla.topology("log")
                .service("db", "busybox:1.36", s -> s.command("sh", "-c", script).waitForLog("ready to accept", 2))
                .build().start()) {
            assertThat(running.service("db").logs()).isEqualTo("ready to accept connections\nready to accept connections");
        }
    }

    @Test
    void commandWaitsUntilItExitsWithZero() {
        try (RunningTopology running = Flotilla.topology("command")
                .service("job", "busybox:1.36", s -> s.command("sh", "-c", "sleep 2; touch /tmp/done; sleep 600")
                        .waitForCommand("test", "-f", "/tmp/done"))
                .build().start()) {
            assertThat(running.service("job").exec("test", "-f", "/tmp/done").exitCode()).isZero();
        }
    }

    @Test
    void postgresIsReadyWhenItSaysSoTwice() {
        try (RunningTopology running = Flotilla.topology("postgres")
                .service("db", "postgres:15", s -> s.ports(5432).env("POSTGRES_PASSWORD", "secret")
                        .waitForLog("database system is ready to accept connections", 2))
                .build().start()) {
            assertThat(running.service("db").exec("psql", "-U", "postgres", "-tAc", "select 40 + 2").stdout()).isEqualTo("42\n");
        }
    }

    @Test
    void healthcheckWaitsForHealthy() throws Exception {
        String image = TestImages.build("flotilla-test/healthy:1", """
                FROM busybox:1.36
                HEALTHCHECK --interval=1s --timeout=1s --retries=30 CMD test -f /tmp/healthy
                CMD ["sh", "-c", "sleep 2; touch /tmp/healthy; sleep 600"]
                """);
        try (RunningTopology running = Flotilla.topology("health")
                .service("app", image, s -> s.waitForHealthcheck())
                .build().start()) {
            // The check's own condition holds: ready did not come early.
            assertThat(running.service("app").exec("test", "-f", "/tmp/healthy").exitCode()).isZero();
            if (!DockerState.isPodman()) {
                String status = DockerState.client().inspectContainerCmd(running.service("app").containerId()).exec()
                        .getState().getHealth().getStatus();
                assertThat(status).isEqualTo("healthy");
            } // Podman runs no health checks without systemd: Flotilla ran the image's check itself.
        }
    }

    private static long secondsSinceStart(ServiceHandle service) {
        Instant started = Instant.parse(DockerState.client().inspectContainerCmd(service.containerId()).exec().getState().getStartedAt());
        return java.time.Duration.between(started, Instant.now()).toSeconds();
    }
}
