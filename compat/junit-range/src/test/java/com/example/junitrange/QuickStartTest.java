package com.example.junitrange;

// The README's first example, pasted as is: only the package line added.
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

@Topology
@Service(name = "cache", image = "redis:7", ports = 6379)
@Service(name = "client", image = "busybox:1.36", command = {"sleep", "3600"}, dependsOn = "cache")
class QuickStartTest {

    @Test
    void clientReachesTheCacheByName(ServiceHandle client) {
        String reply = client.exec("sh", "-c", "echo PING | nc -w 2 cache 6379").stdout();
        assertThat(reply).contains("PONG");
    }

    @Test
    void testReachesTheCacheThroughItsPublishedPort(ServiceHandle cache) throws IOException {
        try (Socket socket = new Socket(cache.host(), cache.mappedPort(6379))) {
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readNBytes(7)).asString(StandardCharsets.US_ASCII).isEqualTo("+PONG\r\n");
        }
    }
}
