package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatencyToxicTest {

    private TestServer server;
    private ProxyFixture proxy;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.greetingEcho();
        proxy = ProxyFixture.inFrontOf(server);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        server.close();
    }

    @Test
    void delaysEachRoundTripByTheLatencyOfTheDirectionItIsSetOn() throws Exception {
        proxy.addToxic("name=slow&type=latency&latency=200");
        try (Socket client = connectAndReadGreeting()) {
            assertThat(Timing.medianRoundTripMillis(client, 100, 3)).isBetween(160.0, 240.0);
        }
    }

    @Test
    void addsTheLatencyOfBothDirections() throws Exception {
        proxy.addToxic("name=slow-down&type=latency&latency=100");
        proxy.addToxic("name=slow-up&type=latency&latency=100&stream=upstream");
        try (Socket client = connectAndReadGreeting()) {
            assertThat(Timing.medianRoundTripMillis(client, 100, 3)).isBetween(160.0, 240.0);
        }
    }

    @Test
    void upstreamLatencyLeavesTheServersDataAlone() throws Exception {
        proxy.addToxic("name=slow&type=latency&latency=300&stream=upstream");
        long start = System.nanoTime();
        try (Socket client = connectAndReadGreeting()) {
            assertThat(Timing.millisSince(start)).as("greeting from the server").isLessThan(150);
            assertThat(Timing.roundTripMillis(client, 10)).as("round trip").isBetween(240.0, 360.0);
        }
    }

    @Test
    void downstreamLatencyDelaysTheServersData() throws Exception {
        proxy.addToxic("name=slow&type=latency&latency=300");
        long start = System.nanoTime();
        try (Socket client = connectAndReadGreeting()) {
            assertThat(Timing.millisSince(start)).as("greeting from the server").isBetween(240L, 360L);
        }
    }

    @Test
    void jitterSpreadsTheDelayWithinLatencyPlusOrMinusJitter() throws Exception {
        proxy.addToxic("name=shaky&type=latency&latency=100&jitter=50");
        try (Socket client = connectAndReadGreeting()) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                times.add(Timing.roundTripMillis(client, 10));
            }
            assertThat(times).allSatisfy(millis -> assertThat(millis).isBetween(45.0, 170.0));
            double spread = times.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    - times.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertThat(spread).as("max - min of %s", times).isGreaterThan(20.0);
        }
    }

    @Test
    void reachesOpenConnectionsAndHealsThemWhenRemoved() throws Exception {
        try (Socket client = connectAndReadGreeting()) {
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(100.0);

            proxy.addToxic("name=slow&type=latency&latency=200");
            assertThat(Timing.roundTripMillis(client, 10)).isBetween(160.0, 240.0);

            assertThat(proxy.delete("/toxics/slow").status()).isEqualTo(204);
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(100.0);
        }
    }

    @Test
    void toxicityZeroAffectsNoConnectionAndOneAffectsAll() throws Exception {
        proxy.addToxic("name=never&type=latency&latency=300&toxicity=0.0");
        for (int i = 0; i < 5; i++) {
            try (Socket client = connectAndReadGreeting()) {
                assertThat(Timing.roundTripMillis(client, 10)).as("connection %d, toxicity 0", i).isLessThan(150.0);
            }
        }
        proxy.delete("/toxics/never");
        proxy.addToxic("name=always&type=latency&latency=300&toxicity=1.0");
        for (int i = 0; i < 3; i++) {
            try (Socket client = connectAndReadGreeting()) {
                assertThat(Timing.roundTripMillis(client, 10)).as("connection %d, toxicity 1", i).isGreaterThan(240.0);
            }
        }
    }

    @Test
    void toxicityIsDecidedPerConnection() throws Exception {
        proxy.addToxic("name=half&type=latency&latency=200&toxicity=0.5");
        int slow = 0;
        for (int i = 0; i < 20; i++) {
            try (Socket client = connectAndReadGreeting()) {
                double first = Timing.roundTripMillis(client, 10);
                double second = Timing.roundTripMillis(client, 10);
                assertThat(first > 150).as("both round trips of one connection alike").isEqualTo(second > 150);
                slow += first > 150 ? 1 : 0;
            }
        }
        // With p = 0.5 the chance of fewer than 2 or more than 18 of 20 is about 4 in 10,000.
        assertThat(slow).isBetween(2, 18);
    }

    private Socket connectAndReadGreeting() throws Exception {
        Socket client = proxy.connect();
        InputStream in = client.getInputStream();
        assertThat(in.readNBytes(TestServer.GREETING.length)).isEqualTo(TestServer.GREETING);
        return client;
    }
}
