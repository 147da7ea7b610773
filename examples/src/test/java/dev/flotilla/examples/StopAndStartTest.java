package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

/** Stopping a service mid-test, to see how the rest copes, and starting it again. */
@Topology
@Service(name = "cache", image = "redis:7", ports = 6379)
@Service(name = "client", image = "busybox:1.36", command = {"sleep", "3600"})
class StopAndStartTest {

    @Test
    void serviceGoesAwayAndComesBack(ServiceHandle cache, ServiceHandle client) {
        cache.stop();
        assertThat(client.exec("sh", "-c", "echo PING | nc -w 1 cache 6379").stdout()).doesNotContain("PONG");

        cache.start(); // waits until ready again, on the same host ports
        assertThat(client.exec("sh", "-c", "echo PING | nc -w 2 cache 6379").stdout()).contains("PONG");
    }
}
