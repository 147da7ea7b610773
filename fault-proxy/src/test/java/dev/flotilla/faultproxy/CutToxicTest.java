package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CutToxicTest extends EchoBehindProxy {

    @Test
    void anOpenConnectionGetsNothingNotEvenAnEndAndNewOnesTimeOut() throws Exception {
        try (Socket open = proxy.connect()) {
            Timing.roundTripMillis(open, 10);
            cutBothWays(proxy);
            String accepted = accepted(proxy);

            open.getOutputStream().write(TestServer.pattern(100));
            open.shutdownOutput();
            open.setSoTimeout(1000);
            assertThatThrownBy(() -> open.getInputStream().read()).as("no data, no FIN, no RST")
                    .isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> connect(proxy, 500)).as("a new connection gets no answer")
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(accepted(proxy)).isEqualTo(accepted);

            assertThat(proxy.delete("/toxics").status()).isEqualTo(204);
            open.setSoTimeout(5000);
            assertThat(Timing.readToEnd(open.getInputStream())).as("what was held passes, then the server's end")
                    .isEqualTo(TestServer.pattern(100));
        }
        try (Socket client = connect(proxy, 5000)) {
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(1000.0);
        }
        assertThat(accepted(proxy)).as("the proxy's own connections, that held the listener, are not counted")
                .endsWith(" 2");
    }

    @Test
    void aConnectWaitingThroughTheCutGetsInOnceHealed() throws Exception {
        cutBothWays(proxy);
        CompletableFuture<Socket> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return connect(proxy, 20_000);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertThat(waiting).isNotDone();

        assertThat(proxy.delete("/toxics").status()).isEqualTo(204);
        // The kernel answers the client's next SYN: one second after the first, then three, as a healed link does.
        try (Socket client = waiting.get(10, TimeUnit.SECONDS)) {
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(1000.0);
        }
    }

    @Test
    void anUpstreamCutLetsTheServersDataThroughAndHoldsTheClients() throws Exception {
        try (TestServer greeter = TestServer.greetingEcho(); ProxyFixture greeterProxy = ProxyFixture.inFrontOf(greeter)) {
            try (Socket client = greeterProxy.connect()) {
                greeterProxy.addToxic("name=cut&type=cut&stream=upstream");
                assertThat(client.getInputStream().readNBytes(TestServer.GREETING.length)).isEqualTo(TestServer.GREETING);
                client.getOutputStream().write(7);
                client.shutdownOutput();
                client.setSoTimeout(500);
                assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                assertThatThrownBy(() -> connect(greeterProxy, 500)).as("new connections time out, whichever the stream")
                        .isInstanceOf(SocketTimeoutException.class);

                assertThat(greeterProxy.delete("/toxics/cut").status()).isEqualTo(204);
                client.setSoTimeout(5000);
                assertThat(Timing.readToEnd(client.getInputStream())).containsExactly(7);
            }
        }
    }

    @Test
    void aCutOfSomeConnectionsTakesNewOnes() throws Exception {
        proxy.addToxic("name=cut&type=cut&toxicity=0");
        try (Socket client = connect(proxy, 1000)) {
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(1000.0);
        }
        assertThat(proxy.get("/toxics").body()).isEqualTo("cut cut downstream 0.0\n");
    }

    @Test
    void aProxyDownThenUpDuringACutStillTimesOut() throws Exception {
        cutBothWays(proxy);
        proxy.addToxic("name=outage&type=down");
        assertThatThrownBy(() -> connect(proxy, 500)).isInstanceOf(ConnectException.class);

        assertThat(proxy.delete("/toxics/outage").status()).isEqualTo(204);
        assertThatThrownBy(() -> connect(proxy, 500)).isInstanceOf(SocketTimeoutException.class);

        assertThat(proxy.delete("/toxics").status()).isEqualTo(204);
        try (Socket client = connect(proxy, 5000)) {
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(1000.0);
        }
    }

    /** A cut as Flotilla puts one on a link: one toxic per stream. */
    private static void cutBothWays(ProxyFixture proxy) throws Exception {
        proxy.addToxic("name=cut-upstream&type=cut&stream=upstream");
        proxy.addToxic("name=cut-downstream&type=cut&stream=downstream");
    }

    private static Socket connect(ProxyFixture proxy, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.listenPort()), timeoutMillis);
            socket.setSoTimeout(10_000);
            return socket;
        } catch (IOException failed) {
            socket.close();
            throw failed;
        }
    }

    private static String accepted(ProxyFixture proxy) throws Exception {
        return proxy.get("/stats").body().lines().filter(line -> line.startsWith("connections.accepted")).findFirst().orElseThrow();
    }
}
