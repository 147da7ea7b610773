package dev.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.flotilla.ActiveFault;
import dev.flotilla.Fault;
import dev.flotilla.NetworkLink;
import dev.flotilla.ProxiedLink;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.TopologyNetwork;
import org.junit.jupiter.api.Test;

/** Faults: a link between two services cut, slowed or broken, and services paused, killed and restarted; healed after each test. */
@Topology
@Service(name = "cache", image = "redis:7", ports = 6379)
@Service(name = "app", image = "redis:7", command = {"sleep", "3600"}, dependsOn = "cache")
@Service(name = "worker", image = "redis:7", command = {"sleep", "3600"}, dependsOn = "cache")
@ProxiedLink(from = "app", to = "cache") // app's name "cache" leads to a proxy that forwards to cache
class FaultsTest {

    @Test
    @Fault(from = "app", to = "cache", kind = Fault.Kind.LATENCY, latency = "300ms")
    void aSlowLinkForOneTest(ServiceHandle app) {
        assertThat(millis(app, "redis-cli -h cache PING")).isGreaterThanOrEqualTo(600); // 300 ms each way
    }

    @Test
    void everyKindOfLinkFault(TopologyNetwork network, ServiceHandle app, ServiceHandle worker) {
        NetworkLink link = network.between("app", "cache");
        try (ActiveFault cut = link.cut()) { // a partition: packets dropped
            assertThat(app.exec("sh", "-c", "timeout 2 redis-cli -h cache PING || echo hung").stdout()).contains("hung");
            assertThat(worker.exec("redis-cli", "-h", "cache", "PING").stdout()).contains("PONG"); // other links untouched
        }
        try (ActiveFault down = link.down()) { // connections refused
            assertThat(app.exec("redis-cli", "-h", "cache", "PING").stderr()).contains("Connection refused");
        }
        try (ActiveFault slow = link.latency(Duration.ofMillis(200), Duration.ofMillis(20))) {
            assertThat(millis(app, "redis-cli -h cache PING")).isGreaterThanOrEqualTo(360);
        }
        try (ActiveFault narrow = link.downstream().bandwidth(64)) { // 64 KB/s for answers
            app.exec("redis-cli", "-h", "cache", "SET", "blob", "x".repeat(64_000));
            assertThat(millis(app, "redis-cli -h cache GET blob > /dev/null")).isGreaterThanOrEqualTo(800);
        }
        try (ActiveFault stalled = link.timeout(Duration.ofSeconds(1))) { // data stops, closed after 1 s
            assertThat(app.exec("redis-cli", "-h", "cache", "PING").stdout()).doesNotContain("PONG");
        }
        try (ActiveFault reset = link.resetPeer(Duration.ZERO)) { // TCP RST
            assertThat(app.exec("redis-cli", "-h", "cache", "PING").stdout()).doesNotContain("PONG");
        }
        try (ActiveFault sliced = link.slicer(2, 1, Duration.ofMillis(1))) { // tiny packets, still correct
            assertThat(app.exec("redis-cli", "-h", "cache", "PING").stdout()).contains("PONG");
        }
        try (ActiveFault limited = link.downstream().limitData(3)) { // closed after 3 bytes
            assertThat(app.exec("redis-cli", "-h", "cache", "PING").stdout()).doesNotContain("PONG");
        }
        try (ActiveFault alone = network.isolate("worker")) { // cut off from every other service
            assertThat(worker.exec("sh", "-c", "timeout 2 redis-cli -h cache PING || echo hung").stdout()).contains("hung");
        }
        assertThat(app.exec("redis-cli", "-h", "cache", "PING").stdout()).contains("PONG"); // all healed
    }

    @Test
    void servicesPausedKilledAndRestarted(ServiceHandle cache, ServiceHandle app) {
        int port = cache.mappedPort(6379);
        cache.pause(); // frozen: connections hang
        assertThat(app.exec("sh", "-c", "timeout 2 redis-cli -h cache PING || echo hung").stdout()).contains("hung");
        cache.unpause();
        cache.kill(); // SIGKILL, as a crash
        assertThat(cache.isRunning()).isFalse();
        cache.restart(); // started again and awaited: same name, same host port
        assertThat(cache.mappedPort(6379)).isEqualTo(port);
        assertThat(app.exec("redis-cli", "-h", "cache", "PING").stdout()).contains("PONG");
    }

    private static long millis(ServiceHandle client, String command) {
        String out = client.exec("sh", "-c", "s=$(date +%s%N); " + command + "; echo took=$(( ($(date +%s%N) - s) / 1000000 ))").stdout();
        return Long.parseLong(out.replaceAll("(?s).*took=(\\d+).*", "$1").strip());
    }
}
