package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.flotilla.ActiveFault;
import dev.flotilla.ExecResult;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Link faults through Flotilla's proxy, each shown with a real client ({@code redis-cli} in a
 * container) on the proxied link orders -> cache, while billing -> cache, which has no proxy,
 * keeps working at the same time.
 */
class ProxyFaultsTest {

    private static final String PROXY = "proxy-orders-to-cache";
    private static RunningTopology running;

    @BeforeAll
    static void start() {
        running = Flotilla.topology("proxied")
                .service("cache", "redis:7", s -> s.ports(6379).aliases("redis-primary"))
                .service("orders", "redis:7", s -> s.command("sleep", "600").dependsOn("cache"))
                .service("billing", "redis:7", s -> s.command("sleep", "600").dependsOn("cache"))
                .proxiedLink("orders", "cache")
                .build().start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @AfterEach
    void healedProxyForwardsAgain() throws Exception {
        running.heal();
        assertThat(stats()).contains("toxics 0").doesNotContain("toxics 1");
        assertThat(ping("orders").stdout()).contains("PONG");
    }

    @Test
    void theClientsNamesForTheServerLeadToTheProxyAndOtherClientsAreUntouched() throws Exception {
        String proxyAddress = ((StartedTopology) running).container(PROXY).ipAddress(running.networkName());
        assertThat(running.service("orders").exec("getent", "hosts", "cache").stdout()).startsWith(proxyAddress);
        assertThat(running.service("orders").exec("getent", "hosts", "redis-primary").stdout()).startsWith(proxyAddress);
        assertThat(running.service("billing").exec("getent", "hosts", "cache").stdout()).doesNotStartWith(proxyAddress);
        String before = stats();
        assertThat(ping("orders").stdout()).contains("PONG");
        assertThat(accepted(stats())).isEqualTo(accepted(before) + 1);
    }

    @Test
    void theProxyIsNoServiceOfTheUsersInNamesOrMessages() {
        assertThat(running.serviceNames()).containsExactlyInAnyOrder("cache", "orders", "billing");
        assertThatThrownBy(() -> running.network().between("orders", "cahce"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Topology \"proxied\" has no service \"cahce\"; its services are [cache, orders, billing]."
                        + " Fix: did you mean \"cache\"?");
    }

    @Test
    void latencyDelaysEachWayByWhatWasSet() throws Exception {
        long baseline = fastestOf("orders", "redis-cli -h cache PING");
        try (ActiveFault slow = running.network().between("orders", "cache").latency(Duration.ofMillis(300))) {
            assertThat(slow.description()).isEqualTo("latency (latency=300, jitter=0) on orders -> cache, both ways, through the link's proxy");
            long slowed = millisOf("orders", "redis-cli -h cache PING");
            // 300 ms on the request and 300 ms on the answer. The lower bound is on the whole call, never less than
            // the delays however fast the client; above it a loaded machine only adds, so the upper bound is wide.
            assertThat(slowed).isGreaterThanOrEqualTo(590L);
            assertThat(slowed - baseline).isLessThan(2000L);
            assertThat(millisOf("billing", "redis-cli -h cache PING")).as("billing -> cache has no proxy").isLessThan(540L);
        }
        try (ActiveFault slowAnswers = running.network().between("orders", "cache").downstream().latency(Duration.ofMillis(300))) {
            // One way only: at least the 300 ms of the answer, and well under the 600 ms of both ways.
            long slowed = millisOf("orders", "redis-cli -h cache PING");
            assertThat(slowed).isGreaterThanOrEqualTo(290L);
            assertThat(slowed - baseline).isLessThan(580L);
        }
    }

    @Test
    void aDownServerRefusesConnectionsUntilHealed() {
        try (ActiveFault down = running.network().between("orders", "cache").down()) {
            ExecResult refused = ping("orders");
            assertThat(refused.stdout() + refused.stderr()).contains("Connection refused");
            assertThat(ping("billing").stdout()).contains("PONG");
        }
        assertThat(ping("orders").stdout()).contains("PONG");
    }

    @Test
    void aCutLinkThroughTheProxyHangs() {
        try (ActiveFault cut = running.network().between("orders", "cache").cut()) {
            ExecResult hung = running.service("orders").exec("sh", "-c", "timeout 2 redis-cli -h cache PING; echo exit=$?");
            assertThat(hung.stdout()).contains("exit=124").doesNotContain("PONG");
        }
    }

    @Test
    void bandwidthLimitsHowFastAnswersCome() {
        running.service("cache").exec("sh", "-c", "head -c 200000 /dev/zero | tr '\\0' x | redis-cli -x SET big");
        long baseline = fastestOf("orders", "redis-cli -h cache GET big > /dev/null");
        try (ActiveFault narrow = running.network().between("orders", "cache").downstream().bandwidth(100)) {
            long limited = millisOf("orders", "redis-cli -h cache GET big > /dev/null");
            // 200,000 bytes at 100 KB/s: at least about two seconds (less a first burst). Above that only
            // a wide bound: on a loaded machine the transfer takes longer, and "slowed, not cut" is the point.
            assertThat(limited).isGreaterThanOrEqualTo(1550L);
            assertThat(limited - baseline).isLessThan(8000L);
        }
    }

    @Test
    void resetPeerAndTimeoutEndConnectionsAsTheClientSeesIt() {
        try (ActiveFault reset = running.network().between("orders", "cache").resetPeer(Duration.ZERO)) {
            ExecResult result = ping("orders");
            assertThat(result.stdout() + result.stderr()).containsAnyOf("reset by peer", "Server closed the connection");
        }
        try (ActiveFault stalled = running.network().between("orders", "cache").timeout(Duration.ofMillis(1000))) {
            long took = millisOf("orders", "redis-cli -h cache PING || true");
            assertThat(took).isBetween(900L, 1800L);
        }
    }

    @Test
    void toxicityZeroAffectsNoConnectionAndADownLinkTakesNone() {
        try (ActiveFault none = running.network().between("orders", "cache").toxicity(0.0).latency(Duration.ofMillis(500))) {
            // A toxic that applied would hold the request alone for 500 ms.
            assertThat(millisOf("orders", "redis-cli -h cache PING")).isLessThan(450L);
        }
        assertThatThrownBy(() -> running.network().between("orders", "cache").toxicity(0.5).down())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A link that is down refuses every connection: toxicity 0.5 does not apply to down(). Use resetPeer(Duration.ZERO)"
                        + " to break a share of connections.");
    }

    @Test
    void limitDataAndSlicerStillDeliverWhatFits() {
        try (ActiveFault sliced = running.network().between("orders", "cache").slicer(2, 1, Duration.ofMillis(1))) {
            assertThat(ping("orders").stdout()).contains("PONG");
        }
        try (ActiveFault limited = running.network().between("orders", "cache").downstream().limitData(3)) {
            ExecResult result = ping("orders");
            assertThat(result.stdout()).doesNotContain("PONG");
        }
    }

    private static ExecResult ping(String client) {
        return running.service(client).exec("redis-cli", "-h", "cache", "PING");
    }

    /** Runs a shell command in {@code client} and returns how long it took there, in ms: no exec overhead counted. */
    private static long millisOf(String client, String command) {
        ServiceHandle handle = running.service(client);
        ExecResult result = handle.exec("sh", "-c", "s=$(date +%s%N); " + command + "; e=$(date +%s%N); echo took=$(( (e - s) / 1000000 ))");
        String took = result.stdout().replaceAll("(?s).*took=(\\d+).*", "$1");
        return Long.parseLong(took.strip());
    }

    /**
     * The fastest of three runs: a baseline to subtract must not carry one run's stall (a loaded machine's
     * process start), which would make a delay look shorter than it was.
     */
    private static long fastestOf(String client, String command) {
        long fastest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            fastest = Math.min(fastest, millisOf(client, command));
        }
        return fastest;
    }

    private static String stats() throws IOException, InterruptedException {
        ServiceHandle proxy = running.service(PROXY);
        HttpResponse<String> toxics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + proxy.host() + ":"
                + proxy.mappedPort(FaultProxies.CONTROL_PORT) + "/toxics")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + proxy.host() + ":"
                + proxy.mappedPort(FaultProxies.CONTROL_PORT) + "/stats")).build(), HttpResponse.BodyHandlers.ofString());
        return stats.body() + "\ntoxics " + toxics.body().lines().filter(l -> !l.isBlank()).count();
    }

    private static long accepted(String stats) {
        return Long.parseLong(stats.replaceAll("(?s).*connections\\.accepted (\\d+).*", "$1"));
    }
}
