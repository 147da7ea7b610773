package com.example.junitrange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.flotilla.ActiveFault;
import dev.flotilla.Fault;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.TopologyNetwork;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Faults as a user's project has them, on this JUnit: the proxy comes out of Flotilla's jar, faults are healed after each test. */
@Topology
@Service(name = "cache", image = "redis:7", ports = 6379)
@Service(name = "app", image = "redis:7", command = {"sleep", "600"}, dependsOn = "cache")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    @Test
    @Order(1)
    @Fault(from = "app", to = "cache", kind = Fault.Kind.LATENCY, latency = "200ms")
    void aDeclaredLatency(ServiceHandle app) {
        assertThat(millis(app)).isGreaterThanOrEqualTo(400);
    }

    @Test
    @Order(2)
    void aCutFromCodeAndAPausedCache(TopologyNetwork network, ServiceHandle app, ServiceHandle cache) {
        assertThat(millis(app)).as("the latency was healed after the first test").isLessThan(400);
        try (ActiveFault cut = network.between("app", "cache").cut()) {
            assertThat(app.exec("sh", "-c", "timeout 2 redis-cli -h cache PING || echo hung").stdout()).contains("hung");
        }
        cache.pause();
    }

    @Test
    @Order(3)
    void healedAfterEachTest(ServiceHandle app) {
        assertThat(app.exec("redis-cli", "-h", "cache", "PING").stdout()).contains("PONG");
    }

    private static long millis(ServiceHandle app) {
        String out = app.exec("sh", "-c", "s=$(date +%s%N); redis-cli -h cache PING; echo took=$(( ($(date +%s%N) - s) / 1000000 ))").stdout();
        return Long.parseLong(out.replaceAll("(?s).*took=(\\d+).*", "$1").strip());
    }
}
