package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.flotilla.support.DockerState;
import dev.flotilla.ExecResult;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import org.junit.jupiter.api.Test;

/** The engine through the code API, on a real Docker engine: wiring, labels, order, handles and teardown. */
class TopologyEngineTest {

    @Test
    void servicesReachEachOtherByNameAndAliasOnTheirOwnNetwork() {
        var definition = Flotilla.topology("wiring")
                .service("cache", "redis:7", s -> s.ports(6379).aliases("redis-primary"))
                .service("client", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("cache"))
                .build();
        try (RunningTopology running = definition.start()) {
            ServiceHandle client = running.service("client");
            assertThat(client.exec("sh", "-c", "echo PING | nc -w 2 cache 6379").stdout()).contains("PONG");
            assertThat(client.exec("sh", "-c", "echo PING | nc -w 2 redis-primary 6379").stdout()).contains("PONG");
            assertThat(running.serviceNames()).containsExactly("cache", "client");
            InspectContainerResponse inspection = DockerState.client().inspectContainerCmd(client.containerId()).exec();
            assertThat(inspection.getNetworkSettings().getNetworks()).containsOnlyKeys(running.networkName());
        }
    }

    @Test
    void everythingIsLabelledAndPortsBindToLoopbackOfALocalEngine() {
        var definition = Flotilla.topology("labels")
                .service("cache", "redis:7", s -> s.ports(6379).label("team", "shop"))
                .build();
        try (RunningTopology running = definition.start()) {
            ServiceHandle cache = running.service("cache");
            InspectContainerResponse inspection = DockerState.client().inspectContainerCmd(cache.containerId()).exec();
            assertThat(inspection.getConfig().getLabels()).containsAllEntriesOf(Map.of(
                    Labels.SESSION, Labels.SESSION_ID,
                    Labels.TOPOLOGY, running.instanceId(),
                    Labels.TOPOLOGY_NAME, "labels",
                    Labels.SERVICE, "cache",
                    "team", "shop"));
            Ports.Binding[] bindings = inspection.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(6379));
            if (DockerEngine.get().isLocal()) {
                assertThat(bindings).extracting(Ports.Binding::getHostIp).containsOnly("127.0.0.1");
                assertThat(cache.host()).isEqualTo("127.0.0.1");
            } else {
                // A remote engine's loopback is out of this machine's reach (RemoteEngineTest).
                assertThat(bindings).extracting(Ports.Binding::getHostIp).containsOnly("0.0.0.0");
            }
            assertThat(cache.mappedPort(6379)).isEqualTo(Integer.parseInt(bindings[0].getHostPortSpec()));
            // Handed from topology to topology (NetworkPool): the session's, no one instance's.
            assertThat(DockerState.client().inspectNetworkCmd().withNetworkId(running.networkName()).exec().getLabels())
                    .containsEntry(Labels.SESSION, Labels.SESSION_ID);
        }
    }

    @Test
    void closeRemovesEveryContainerAndLeavesNoneOnTheNetwork() {
        RunningTopology running = Flotilla.topology("teardown")
                .service("a", "busybox:1.36", s -> s.command("sleep", "600"))
                .service("b", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("a"))
                .service("c", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("a"))
                .build()
                .start();
        assertThat(DockerState.containers(Labels.TOPOLOGY, running.instanceId())).hasSize(3);
        assertThat(DockerState.containersOn(running.networkName())).isEqualTo(3);

        running.close();
        running.close(); // a second close is harmless

        assertThat(DockerState.leftovers(running.instanceId())).isZero();
        // Kept for the next topology, or removed (NetworkPoolTest): either way, nothing of this one is on it.
        assertThat(DockerState.containersOn(running.networkName())).isLessThanOrEqualTo(0);
    }

    @Test
    void dependentsStartOnlyOnceTheirDependenciesAreReadyAndIndependentOnesOverlap() {
        // "slow" services become ready only 3 s after their container starts; each serves the kernel's uptime
        // (one clock for every container) at which it got ready; "top" keeps the uptime at which its process began.
        String slowHttpd = "sleep 3; cut -d' ' -f1 /proc/uptime > /tmp/index.html; httpd -f -p 8080 -h /tmp";
        var definition = Flotilla.topology("order")
                .service("left", "busybox:1.36", s -> s.ports(8080).command("sh", "-c", slowHttpd).waitForHttp(8080, "/", 200))
                .service("right", "busybox:1.36", s -> s.ports(8080).command("sh", "-c", slowHttpd).waitForHttp(8080, "/", 200))
                .service("top", "busybox:1.36", s -> s.command("sh", "-c", "cut -d' ' -f1 /proc/uptime > /tmp/began; exec sleep 600")
                        .dependsOn("left", "right"))
                .build();
        try (RunningTopology running = definition.start()) {
            Instant left = startedAt(running.service("left"));
            Instant right = startedAt(running.service("right"));
            // Each of left and right started before the other could have been ready: they started in parallel.
            assertThat(right).isBefore(left.plusSeconds(3));
            assertThat(left).isBefore(right.plusSeconds(3));
            // top's process waited for both to be ready (Docker may have started its container ahead, behind a gate).
            double topBegan = uptime(running.service("top"), "/tmp/began");
            assertThat(topBegan).isGreaterThanOrEqualTo(uptime(running.service("left"), "/tmp/index.html"))
                    .isGreaterThanOrEqualTo(uptime(running.service("right"), "/tmp/index.html"));
            assertThat(running.serviceNames()).endsWith("top");
        }
    }

    private static double uptime(ServiceHandle service, String file) {
        return Double.parseDouble(service.exec("cat", file).stdout().strip());
    }

    private static Instant startedAt(ServiceHandle service) {
        return Instant.parse(DockerState.client().inspectContainerCmd(service.containerId()).exec().getState().getStartedAt());
    }

    @Test
    void attributesReachTheContainer() {
        var definition = Flotilla.topology("attributes")
                .service("box", "busybox:1.36", s -> s
                        .entrypoint("sh", "-c")
                        .command("echo started; sleep 600")
                        .env("GREETING", "hello world")
                        .memory("64m")
                        .copyFile("classpath:copied.txt", "/data/copied.txt", 0640)
                        .waitForLog("started", 1))
                .build();
        try (RunningTopology running = definition.start()) {
            ServiceHandle box = running.service("box");
            assertThat(box.exec("sh", "-c", "echo \"$GREETING\"").stdout()).isEqualTo("hello world\n");
            assertThat(box.exec("cat", "/data/copied.txt").stdout()).isEqualTo("copied into the container\n");
            assertThat(box.exec("stat", "-c", "%a", "/data/copied.txt").stdout().trim()).isEqualTo("640");
            InspectContainerResponse inspection = DockerState.client().inspectContainerCmd(box.containerId()).exec();
            assertThat(inspection.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
            assertThat(box.logs()).isEqualTo("started");
        }
    }

    @Test
    void handleRunsCommandsAndStopsAndStartsItsService() throws Exception {
        try (RunningTopology running = Flotilla.topology("handle")
                .service("cache", "redis:7", s -> s.ports(6379))
                .build()
                .start()) {
            ServiceHandle cache = running.service("cache");
            ExecResult failing = cache.exec("sh", "-c", "echo out; echo err >&2; exit 4");
            assertThat(failing).isEqualTo(new ExecResult(4, "out\n", "err\n"));

            cache.stop();
            assertThat(cache.isRunning()).isFalse();
            assertThatThrownBy(() -> cache.mappedPort(6379))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Service \"cache\" is not running, so port 6379 is not published. Start it with start().");

            cache.start();
            assertThat(cache.isRunning()).isTrue();
            assertThat(cache.exec("redis-cli", "ping").stdout()).isEqualTo("PONG\n");
            assertThat(cache.logs()).contains("Ready to accept connections");
            assertThatThrownBy(() -> cache.mappedPort(1234))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Service \"cache\" does not publish port 1234; it publishes [6379]. Declare the port in @Service(ports = ...).");
            assertThatThrownBy(() -> running.service("nope"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Topology \"handle\" has no service \"nope\"; its services are [cache]. Fix: name one of them.");
        }
    }

    @Test
    void httpEndpointIsReachableThroughTheHandle() throws Exception {
        try (RunningTopology running = Flotilla.topology("http")
                .service("web", "busybox:1.36", s -> s.ports(8080)
                        .command("sh", "-c", "mkdir /www && echo hi > /www/index.html && httpd -f -p 8080 -h /www")
                        .waitForHttp(8080, "/", 200))
                .build()
                .start()) {
            URI uri = running.service("web").uri(8080);
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri.resolve("/index.html")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("hi\n");
        }
    }

    @Test
    void fixedPortsAndAnotherBindAddressArePublishedAsAsked() throws Exception {
        assumeFalse(DockerState.isPodman(), "Podman 4.3 on these machines forwards nothing of a port published on 0.0.0.0"
                + " (conmon holds the port; connections hang)");
        int hostPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            hostPort = probe.getLocalPort();
        }
        int chosen = hostPort;
        try (RunningTopology running = Flotilla.topology("fixedports")
                .service("cache", "redis:7", s -> s.fixedPort(chosen, 6379).bindAddress("0.0.0.0"))
                .build().start()) {
            ServiceHandle cache = running.service("cache");
            assertThat(cache.mappedPort(6379)).isEqualTo(chosen);
            Ports.Binding[] bindings = DockerState.client().inspectContainerCmd(cache.containerId()).exec()
                    .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(6379));
            assertThat(bindings).extracting(Ports.Binding::getHostIp).contains("0.0.0.0");
            try (java.net.Socket socket = new java.net.Socket(cache.host(), chosen)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] reply = new byte[7];
                assertThat(socket.getInputStream().readNBytes(reply, 0, 7)).isEqualTo(7);
                assertThat(new String(reply, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            }
        }
    }

    @Test
    void pullPoliciesAlwaysAndNeverWorkWithImagesTheEngineHas() {
        for (dev.flotilla.PullPolicy policy : List.of(dev.flotilla.PullPolicy.ALWAYS, dev.flotilla.PullPolicy.NEVER)) {
            try (RunningTopology running = Flotilla.topology("pull-" + policy.name().toLowerCase(java.util.Locale.ROOT)).pull(policy)
                    .service("box", "busybox:1.36", s -> s.command("sleep", "600"))
                    .build().start()) {
                assertThat(running.service("box").isRunning()).isTrue();
            }
        }
    }

    @Test
    void aServiceThatDiesDuringTheTestSaysSoWhenUsed() throws Exception {
        try (RunningTopology running = Flotilla.topology("dies")
                .service("brief", "busybox:1.36", s -> s.command("sh", "-c", "echo up; sleep 1; exit 5").waitForLog("up", 1))
                .build().start()) {
            ServiceHandle brief = running.service("brief");
            while (brief.isRunning()) {
                Thread.sleep(100);
            }

            assertThatThrownBy(() -> brief.exec("true"))
                    .isInstanceOf(dev.flotilla.FlotillaException.class)
                    // Podman says "stopped" for a moment before "exited".
                    .hasMessageMatching("Cannot run \\[true] in service \"brief\": it is not running \\((exited|stopped), exit code 5\\)\\."
                            + " Fix: start it again with start\\(\\) first, or look at its logs\\(\\) for why it stopped\\.");
            assertThat(brief.logs()).isEqualTo("up");
        }
    }
}
