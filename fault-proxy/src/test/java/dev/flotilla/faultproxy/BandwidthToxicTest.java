package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.Test;

class BandwidthToxicTest {

    @Test
    void limitsDownstreamThroughputToTheRate() throws Exception {
        int size = 200_000;
        try (TestServer source = TestServer.source(size); ProxyFixture proxy = ProxyFixture.inFrontOf(source)) {
            proxy.addToxic("name=narrow&type=bandwidth&rate=100");
            long start = System.nanoTime();
            try (Socket client = proxy.connect()) {
                byte[] received = Timing.readToEnd(client.getInputStream());
                double seconds = (System.nanoTime() - start) / 1e9;

                assertThat(received).isEqualTo(TestServer.pattern(size));
                double kilobytesPerSecond = size / 1000.0 / seconds;
                System.out.printf("bandwidth downstream: set 100 KB/s, measured %.1f KB/s%n", kilobytesPerSecond);
                assertThat(kilobytesPerSecond).isBetween(80.0, 120.0);
            }
        }
    }

    @Test
    void limitsUpstreamThroughputToTheRate() throws Exception {
        int size = 100_000;
        try (TestServer sink = TestServer.sink(); ProxyFixture proxy = ProxyFixture.inFrontOf(sink)) {
            proxy.addToxic("name=narrow&type=bandwidth&rate=50&stream=upstream");
            try (Socket client = proxy.connect()) {
                long start = System.nanoTime();
                client.getOutputStream().write(TestServer.pattern(size));
                while (sink.received.get() < size) {
                    assertThat(Timing.millisSince(start)).as("all bytes arrive").isLessThan(10_000L);
                    Thread.sleep(5);
                }
                double kilobytesPerSecond = size / 1000.0 / ((System.nanoTime() - start) / 1e9);
                System.out.printf("bandwidth upstream: set 50 KB/s, measured %.1f KB/s%n", kilobytesPerSecond);
                assertThat(kilobytesPerSecond).isBetween(40.0, 60.0);
            }
        }
    }

    @Test
    void rateZeroMeansNoLimit() throws Exception {
        int size = 2_000_000;
        try (TestServer source = TestServer.source(size); ProxyFixture proxy = ProxyFixture.inFrontOf(source)) {
            proxy.addToxic("name=open&type=bandwidth&rate=0");
            long start = System.nanoTime();
            try (Socket client = proxy.connect()) {
                assertThat(Timing.readToEnd(client.getInputStream())).hasSize(size);
                assertThat(Timing.millisSince(start)).isLessThan(2_000L);
            }
        }
    }
}
