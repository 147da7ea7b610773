package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class ResetPeerToxicTest extends EchoBehindProxy {

    @Test
    void resetsTheConnectionAtOnce() throws Exception {
        proxy.addToxic("name=rst&type=reset_peer");
        try (Socket client = proxy.connect()) {
            assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("Connection reset");
        }
    }

    @Test
    void resetsTheConnectionAfterTheTimeout() throws Exception {
        proxy.addToxic("name=rst&type=reset_peer&timeout=400");
        long start = System.nanoTime();
        try (Socket client = proxy.connect()) {
            assertThat(Timing.roundTripMillis(client, 10)).as("data flows before the timeout").isLessThan(300.0);

            assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("Connection reset");
            assertThat(Timing.millisSince(start)).isBetween(350L, 1500L);
        }
    }

    @Test
    void aRemovedResetNeverHappens() throws Exception {
        proxy.addToxic("name=rst&type=reset_peer&timeout=300");
        try (Socket client = proxy.connect()) {
            proxy.delete("/toxics/rst");
            Thread.sleep(500);
            assertThat(Timing.roundTripMillis(client, 10)).isLessThan(300.0);
        }
    }
}
