package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/** Restart, kill, pause and unpause through a service's handle, on real containers, and how a topology is put back. */
class ServiceControlTest {

    private static final String TRAPS_HUP = "trap 'echo got HUP' HUP; echo started; while true; do sleep 0.2; done";

    @Test
    void aRestartedServiceKeepsItsHostPortsAndItsNames() throws IOException {
        try (RunningTopology running = Flotilla.topology("restart")
                .service("cache", "redis:7", s -> s.ports(6379).aliases("redis-primary"))
                .service("client", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("cache"))
                .build().start()) {
            ServiceHandle cache = running.service("cache");
            int before = cache.mappedPort(6379);
            assertThat(redisPing(cache.host(), before)).isEqualTo("+PONG");

            cache.restart();
            assertThat(cache.mappedPort(6379)).isEqualTo(before);
            assertThat(redisPing(cache.host(), before)).isEqualTo("+PONG");
            ServiceHandle client = running.service("client");
            var endpoint = DockerState.endpointOn(cache.containerId(), running.networkName());
            assertThat(endpoint.getAliases()).contains("redis-primary");
            assertThat(DockerState.holdsOnceSettled(() -> PacketFilterFaultsTest.reaches(client, endpoint.getIpAddress()))).isTrue();
            if (DockerState.dnsAnswersRightAfterAStop()) {
                assertThat(PacketFilterFaultsTest.reaches(client, "redis-primary")).isTrue();
            }

            cache.kill();
            assertThat(cache.state().running()).isFalse();
            assertThat(cache.state().exitCode()).hasValue(137);
            cache.start();
            assertThat(cache.mappedPort(6379)).isEqualTo(before);
            assertThat(redisPing(cache.host(), before)).isEqualTo("+PONG");
        }
    }

    @Test
    void aPausedServiceKeepsConnectionsButAnswersOnlyOnceUnpaused() throws IOException {
        try (RunningTopology running = Flotilla.topology("pause").service("cache", "redis:7", s -> s.ports(6379)).build().start()) {
            ServiceHandle cache = running.service("cache");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(cache.host(), cache.mappedPort(6379)), 2000);
                socket.setSoTimeout(1000);
                cache.pause();
                assertThat(cache.state().status()).isEqualTo("paused");
                send(socket, "PING\r\n");
                assertThatThrownBy(() -> readLine(socket.getInputStream())).isInstanceOf(SocketTimeoutException.class);

                cache.unpause();
                socket.setSoTimeout(5000);
                assertThat(readLine(socket.getInputStream())).isEqualTo("+PONG");
            }
            assertThat(cache.state().status()).isEqualTo("running");
        }
    }

    @Test
    void aSignalReachesTheMainProcessAndAKillStopsIt() {
        try (RunningTopology running = Flotilla.topology("signals")
                .service("worker", "busybox:1.36", s -> s.command("sh", "-c", TRAPS_HUP).waitForLog("started", 1))
                .build().start()) {
            ServiceHandle worker = running.service("worker");
            worker.kill("SIGHUP");
            until(Duration.ofSeconds(10), () -> worker.logs().contains("got HUP"));
            assertThat(worker.isRunning()).isTrue();

            worker.kill();
            assertThat(worker.isRunning()).isFalse();
            assertThatThrownBy(() -> worker.kill("SIGHUP"))
                    .isInstanceOf(FlotillaException.class)
                    .hasMessageContaining("Cannot send SIGHUP to service \"worker\": it is not running (exited, exit code 137)")
                    .hasMessageContaining("Fix: start it first with start().");
            assertThatThrownBy(worker::pause)
                    .isInstanceOf(FlotillaException.class)
                    .hasMessageContaining("Cannot pause service \"worker\": it is not running");
            worker.start();
            assertThatThrownBy(() -> worker.kill("SIGNOPE"))
                    .isInstanceOf(FlotillaException.class)
                    .hasMessageStartingWith("Could not send SIGNOPE to service \"worker\": Docker said:")
                    .hasMessageContaining("Fix: name a signal such as SIGKILL, SIGTERM or SIGHUP.");
        }
    }

    @Test
    void healPutsPausedAndStoppedServicesBack() {
        try (RunningTopology running = Flotilla.topology("heal")
                .service("cache", "redis:7", s -> s.ports(6379))
                .service("worker", "busybox:1.36", s -> s.command("sh", "-c", TRAPS_HUP).waitForLog("started", 1))
                .build().start()) {
            running.service("cache").pause();
            running.service("worker").kill();

            running.heal();
            assertThat(running.service("cache").state().status()).isEqualTo("running");
            assertThat(running.service("worker").isRunning()).isTrue();
            assertThat(running.service("cache").exec("redis-cli", "PING").stdout()).contains("PONG");
        }
    }

    static void until(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within " + timeout).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String redisPing(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(5000);
            send(socket, "PING\r\n");
            return readLine(socket.getInputStream());
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
