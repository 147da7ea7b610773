package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import dev.flotilla.support.ServiceOutput;
import dev.flotilla.Flotilla;
import dev.flotilla.PullPolicy;
import dev.flotilla.ServiceStartException;
import org.junit.jupiter.api.Test;

/**
 * Starts that fail: each must say which service failed and why, with the container's state and
 * log, and leave nothing behind.
 */
class StartFailureTest {

    @Test
    void containerThatExitsIsReportedWithExitCodeAndTheLastFiftyLogLines() {
        var definition = Flotilla.topology("exits")
                .service("crash", "busybox:1.36", s -> s.ports(8080)
                        .command("sh", "-c", "for i in $(seq 1 60); do echo line $i; done; exit 3"))
                .build();

        ServiceStartException failure = catchThrowableOfType(ServiceStartException.class, definition::start);

        assertThat(failure.serviceName()).isEqualTo("crash");
        assertThat(failure.getMessage())
                .startsWith("Service \"crash\" stopped while waiting for declared ports accepting connections; last attempt: port 8080: ")
                .contains("\n  container: flotilla-exits-crash-", ", image busybox:1.36\n")
                .contains("\n  state: exited, exit code 3, OOM-killed no\n")
                .contains("\n  last 50 log lines:\n    | line 11\n")
                .endsWith("\n    | line 60")
                .doesNotContain("| line 10\n");
        assertThat(DockerState.leftoversOfName("exits")).isZero();
    }

    @Test
    void conditionThatNeverHoldsTimesOutWithWhatItLastSaw() {
        var definition = Flotilla.topology("timeout")
                .service("mute", "busybox:1.36", s -> s.ports(8080).command("sh", "-c", "echo waiting; sleep 600")
                        .waitForHttp(8080, "/health", 200).startupTimeout(Duration.ofSeconds(2)))
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"mute\" did not become ready: HTTP GET /health on port 8080 answering 200"
                        + " did not hold within 2s; last attempt: GET http://" + DockerEngine.get().host() + ":")
                .hasMessageContaining("\n  state: running\n  last 1 log lines:\n    | waiting");
        assertThat(DockerState.leftoversOfName("timeout")).isZero();
    }

    @Test
    void firstFailureStopsEveryOtherStartAndRemovesWhatWasStarted() {
        var definition = Flotilla.topology("failfast")
                .service("broken", "busybox:1.36", s -> s.command("sh", "-c", "sleep 1; exit 7").waitForLog("never printed", 1))
                .service("slow", "busybox:1.36", s -> s.command("sleep", "600").waitForLog("never printed either", 1))
                .service("dependent", "busybox:1.36", s -> s.command("sh", "-c", "echo dependent-ran; sleep 600").dependsOn("broken"))
                .build();
        long before = System.currentTimeMillis() / 1000;

        ServiceStartException failure = catchThrowableOfType(ServiceStartException.class, definition::start);

        assertThat(failure.serviceName()).isEqualTo("broken");
        assertThat(failure.getMessage()).contains("state: exited, exit code 7");
        // Nothing but the diagnostics: the others' abort is not a failure of its own.
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(dev.flotilla.FlotillaDiagnostics.class);
        assertThat(DockerState.leftoversOfName("failfast")).isZero();
        // Docker's own record: "slow" was created and then removed ("dependent" may have been created ahead, and removed).
        assertThat(DockerState.createdServices("failfast", before)).contains("broken", "slow").doesNotHaveDuplicates();
        // Its process never ran.
        assertThat(ServiceOutput.printed("failfast", "dependent")).doesNotContain("dependent-ran");
    }

    @Test
    void unknownImageFailsBeforeAnythingIsCreated() {
        var definition = Flotilla.topology("unknownimage")
                .service("ok", "busybox:1.36", s -> s.command("sleep", "600"))
                .service("ghost", "flotilla-test/does-not-exist:1.0")
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"ghost\" cannot start: image \"flotilla-test/does-not-exist:1.0\" could not be pulled: ")
                .hasMessageEndingWith(". Nothing was started. Fix: check the image name and tag; if its registry needs a login,"
                        + " run docker login; if the image is built locally, build it before the test.");
        assertThat(DockerState.leftoversOfName("unknownimage")).isZero();
    }

    @Test
    void missingImageWithPullPolicyNeverIsAnError() {
        var definition = Flotilla.topology("never").pull(PullPolicy.NEVER)
                .service("ghost", "flotilla-test/not-here:1.0")
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"ghost\" cannot start: image \"flotilla-test/not-here:1.0\" is not on the Docker engine,"
                        + " and the pull policy is NEVER. Nothing was started.");
    }

    @Test
    void hostPortAlreadyInUseOnThisMachineIsFoundBeforeDockerIsAsked() throws IOException {
        assumeTrue(DockerEngine.get().isLocal(), "ports are published on this machine");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            var definition = Flotilla.topology("portinuse")
                    .service("cache", "redis:7", s -> s.fixedPort(port, 6379))
                    .build();

            assertThatThrownBy(definition::start)
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageStartingWith("Service \"cache\" could not publish its ports: host port " + port + " on 127.0.0.1"
                            + " is already in use (fixedPorts [" + port + ":6379]). Fix: stop what uses the port, choose another host port,"
                            + " or publish the container port with ports = {...} to get a free random host port.\n")
                    .hasMessageContaining("state: not created");
            assertThat(DockerState.leftoversOfName("portinuse")).isZero();
        }
    }

    @Test
    void hostPortTakenOnTheEnginesHostIsExplained() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int taken = port;
        try (var first = Flotilla.topology("portowner").service("cache", "redis:7", s -> s.fixedPort(taken, 6379)).build().start()) {
            var second = Flotilla.topology("portinuse2").service("cache", "redis:7", s -> s.fixedPort(taken, 6379)).build();

            assertThatThrownBy(second::start)
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageStartingWith("Service \"cache\" could not publish its ports: ")
                    .hasMessageContaining(" is already in use (fixedPorts [" + taken + ":6379]). Fix: stop what uses the port,"
                            + " choose another host port, or publish the container port with ports = {...} to get a free random host port.");
            assertThat(DockerState.leftoversOfName("portinuse2")).isZero();
            assertThat(first.service("cache").exec("redis-cli", "ping").stdout()).isEqualTo("PONG\n");
        }
    }

    @Test
    void healthcheckOnAnImageWithoutOneCannotSucceed() {
        var definition = Flotilla.topology("nohealth")
                .service("box", "busybox:1.36", s -> s.command("sleep", "600").waitForHealthcheck())
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"box\" cannot become ready: the image busybox:1.36 declares no HEALTHCHECK;"
                        + " wait for a port, log line or command instead\n");
        assertThat(DockerState.leftoversOfName("nohealth")).isZero();
    }

    @Test
    void outOfMemoryKillIsReported() {
        var definition = Flotilla.topology("oom")
                .service("hog", "busybox:1.36", s -> s.memory("16m")
                        // tail keeps the whole "line" of zeros in memory, as PID 1, so the container itself is killed
                        .command("sh", "-c", "echo filling; exec tail /dev/zero")
                        .waitForLog("never printed", 1))
                .build();

        assertThatThrownBy(definition::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageStartingWith("Service \"hog\" stopped while waiting for log line matching /never printed/")
                .hasMessageContaining(DockerState.isPodman()
                        // Podman does not report OOM kills through its Docker API; the report says what 137 means.
                        ? "state: exited, exit code 137, OOM-killed no (but exit code 137 is a SIGKILL, and under its memory limit of"
                                + " 16 MiB that is most likely the kernel's OOM killer, which this engine does not report)"
                        : "state: exited, exit code 137, OOM-killed yes\n");
    }

    @Test
    void anErrorDuringAStartFailsItAndRemovesWhatWasStarted() throws Exception {
        ChildJvm child = ChildJvm.start(ErrorDuringStartProbe.class, Map.of(), List.of("-Xmx96m"));
        child.awaitExit(120);

        assertThat(child.output()).as(child.output())
                .contains("FAILED ServiceStartException Service \"big\" could not be started: java.lang.OutOfMemoryError: Java heap space")
                .contains("CAUSE java.lang.OutOfMemoryError: Java heap space")
                .contains("LEFT 0")
                .doesNotContain("STARTED");
    }
}
