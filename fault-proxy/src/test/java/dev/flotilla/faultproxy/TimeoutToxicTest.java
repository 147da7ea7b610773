package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class TimeoutToxicTest extends EchoBehindProxy {

    @Test
    void stopsAllDataAndClosesTheConnectionAfterTheTimeout() throws Exception {
        proxy.addToxic("name=hang&type=timeout&timeout=500");
        long start = System.nanoTime();
        try (Socket client = proxy.connect()) {
            client.getOutputStream().write(TestServer.pattern(100));

            assertThat(client.getInputStream().read()).as("no data, then the end of the stream").isEqualTo(-1);
            assertThat(Timing.millisSince(start)).isBetween(400L, 1500L);
        }
    }

    @Test
    void timeoutZeroKeepsTheConnectionOpenWithoutDataUntilRemoved() throws Exception {
        proxy.addToxic("name=hang&type=timeout&timeout=0");
        try (Socket client = proxy.connect()) {
            client.setSoTimeout(1000);
            client.getOutputStream().write(TestServer.pattern(100));
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            assertThat(proxy.delete("/toxics/hang").status()).isEqualTo(204);
            client.setSoTimeout(5000);
            assertThat(Timing.roundTripMillis(client, 10)).as("the dropped data stays dropped; new data flows")
                    .isLessThan(1000.0);
        }
    }

    @Test
    void upstreamTimeoutLetsTheServersDataThrough() throws Exception {
        try (TestServer greeter = TestServer.greetingEcho(); ProxyFixture greeterProxy = ProxyFixture.inFrontOf(greeter)) {
            greeterProxy.addToxic("name=hang&type=timeout&timeout=0&stream=upstream");
            try (Socket client = greeterProxy.connect()) {
                assertThat(client.getInputStream().readNBytes(TestServer.GREETING.length)).isEqualTo(TestServer.GREETING);
                client.setSoTimeout(500);
                client.getOutputStream().write(1);
                assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            }
        }
    }
}
