package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * An engine on another machine (a {@code tcp://} DOCKER_HOST, a CI {@code docker:dind} service):
 * its loopback is out of this machine's reach, so ports are published on every interface and
 * reached at the engine's address. Runs where the tests are pointed at such an engine (.ci/run
 * does, with the docker-lab's remote engine); skipped on a local one.
 */
class RemoteEngineTest {

    @Test
    void portsArePublishedWhereTheTestCanReachThemAndTheHandleSaysWhere() throws Exception {
        assumeFalse(DockerEngine.get().isLocal(), "the engine is remote");
        try (RunningTopology running = Flotilla.topology("remote")
                .service("cache", "redis:7", s -> s.ports(6379))
                .build()
                .start()) {
            ServiceHandle cache = running.service("cache");
            Ports.Binding[] bindings = DockerState.client().inspectContainerCmd(cache.containerId()).exec()
                    .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(6379));

            assertThat(bindings).extracting(Ports.Binding::getHostIp).containsOnly("0.0.0.0");
            assertThat(cache.host()).isEqualTo(DockerClientFactory.instance().getTransportConfig().getDockerHost().getHost());
            try (Socket socket = new Socket(cache.host(), cache.mappedPort(6379))) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                assertThat(new String(in.readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            }
        }
    }
}
