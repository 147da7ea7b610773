package com.example.junitrange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import dev.flotilla.Endpoint;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import org.junit.jupiter.api.Test;

// The README's first example ("Fifteen lines"), pasted as is: only the package and imports added.
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
    void testReachesTheCache(@Endpoint("redis://cache:6379") URI cache) { /* redis://127.0.0.1:49153 */ }
}
