package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** With no toxic, the proxy forwards data intact, half-closes both ways and adds little time. */
class PassThroughTest {

    @Test
    void forwardsBulkDataIntactBothWays() throws Exception {
        try (TestServer echo = TestServer.echo(); ProxyFixture proxy = ProxyFixture.inFrontOf(echo);
             Socket client = proxy.connect()) {
            byte[] sent = TestServer.pattern(5_000_000);
            Thread writer = new Thread(() -> TestServer.writeFully(outputOf(client), sent));
            writer.start();
            byte[] echoed = client.getInputStream().readNBytes(sent.length);
            writer.join();

            assertThat(Arrays.equals(sent, echoed)).as("5 MB echoed intact").isTrue();
        }
    }

    @Test
    void halfCloseFromTheClientReachesTheServerAndTheServersCloseComesBack() throws Exception {
        try (TestServer echo = TestServer.echo(); ProxyFixture proxy = ProxyFixture.inFrontOf(echo);
             Socket client = proxy.connect()) {
            client.getOutputStream().write(TestServer.pattern(1000));
            client.shutdownOutput();

            // The echo server only ends its output once it has seen the client's end of stream through the proxy.
            assertThat(Timing.readToEnd(client.getInputStream())).isEqualTo(TestServer.pattern(1000));
        }
    }

    @Test
    void halfCloseFromTheServerLeavesTheClientFreeToSend() throws Exception {
        try (TestServer source = TestServer.source(1000); ProxyFixture proxy = ProxyFixture.inFrontOf(source);
             Socket client = proxy.connect()) {
            assertThat(Timing.readToEnd(client.getInputStream())).isEqualTo(TestServer.pattern(1000));

            client.getOutputStream().write(TestServer.pattern(700));
            client.shutdownOutput();

            long start = System.nanoTime();
            while (source.received.get() < 700) {
                assertThat(Timing.millisSince(start)).as("the server receives after its half-close").isLessThan(5000L);
                Thread.sleep(5);
            }
            assertThat(source.received.get()).isEqualTo(700);
        }
    }

    @Test
    void measuresTheOverheadWithNoToxic() throws Exception {
        try (TestServer echo = TestServer.echo(); TestServer sink = TestServer.sink();
             ProxyFixture echoProxy = ProxyFixture.inFrontOf(echo); ProxyFixture sinkProxy = ProxyFixture.inFrontOf(sink)) {
            double direct;
            double proxied;
            try (Socket directClient = connect(echo.port()); Socket proxiedClient = echoProxy.connect()) {
                Timing.medianRoundTripMillis(directClient, 100, 2000);
                Timing.medianRoundTripMillis(proxiedClient, 100, 2000);
                direct = Timing.medianRoundTripMillis(directClient, 100, 2000);
                proxied = Timing.medianRoundTripMillis(proxiedClient, 100, 2000);
            }
            double directRate = 0;
            double proxiedRate = 0;
            for (int run = 0; run < 3; run++) {
                directRate = Math.max(directRate, throughputMegabytesPerSecond(connect(sink.port()), sink));
                proxiedRate = Math.max(proxiedRate, throughputMegabytesPerSecond(sinkProxy.connect(), sink));
            }

            double added = proxied - direct;
            double ratio = proxiedRate / directRate;
            System.out.printf("no toxic: round trip of 100 bytes %.3f ms direct, %.3f ms proxied (+%.3f ms); "
                    + "throughput %.0f MB/s direct, %.0f MB/s proxied (%.0f%%)%n",
                    direct, proxied, added, directRate, proxiedRate, ratio * 100);
            assertThat(added).isLessThan(5.0);
            // Loose: on loopback at GB/s the proxy's two extra copies and third busy thread are CPU-bound, and on
            // two shared cores that alone costs about half (measured 45% to 62% here). Catches a broken fast path.
            assertThat(ratio).isGreaterThan(0.3);
        }
    }

    /** Best of several runs is taken by the caller: the machine is shared, and a run can only be slowed by that. */
    private static double throughputMegabytesPerSecond(Socket client, TestServer sink) throws Exception {
        long before = sink.received.get();
        int total = 256 * 1024 * 1024;
        byte[] block = new byte[256 * 1024];
        long start = System.nanoTime();
        try (client) {
            OutputStream out = client.getOutputStream();
            for (int sent = 0; sent < total; sent += block.length) {
                out.write(block);
            }
            client.shutdownOutput();
            while (sink.received.get() - before < total) {
                Thread.sleep(1);
            }
        }
        return total / 1e6 / ((System.nanoTime() - start) / 1e9);
    }

    private static Socket connect(int port) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static OutputStream outputOf(Socket client) {
        try {
            return client.getOutputStream();
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }
}
