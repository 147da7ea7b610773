package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class DownToxicTest extends EchoBehindProxy {

    @Test
    void refusesNewConnectionsAndClosesOpenOnesUntilRemoved() throws Exception {
        int port = proxy.listenPort();
        try (Socket open = proxy.connect()) {
            Timing.roundTripMillis(open, 10);

            proxy.addToxic("name=outage&type=down");

            assertThat(readEndOrReset(open)).as("the open connection is closed").isTrue();
            assertThatThrownBy(proxy::connect).isInstanceOf(ConnectException.class);
        }

        assertThat(proxy.delete("/toxics/outage").status()).isEqualTo(204);

        assertThat(proxy.listenPort()).isEqualTo(port);
        try (Socket client = proxy.connect()) {
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(1000.0);
        }
    }

    @Test
    void deletingAllToxicsBringsTheProxyUp() throws Exception {
        proxy.addToxic("name=outage&type=down");
        assertThatThrownBy(proxy::connect).isInstanceOf(ConnectException.class);

        assertThat(proxy.delete("/toxics").status()).isEqualTo(204);

        try (Socket client = proxy.connect()) {
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(1000.0);
        }
    }

    private static boolean readEndOrReset(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (IOException reset) {
            return true;
        }
    }
}
