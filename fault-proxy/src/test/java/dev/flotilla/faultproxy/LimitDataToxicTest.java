package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LimitDataToxicTest {

    @Test
    void closesTheConnectionAfterExactlyTheLimit() throws Exception {
        try (TestServer source = TestServer.source(100_000); ProxyFixture proxy = ProxyFixture.inFrontOf(source)) {
            proxy.addToxic("name=cap&type=limit_data&bytes=12345");
            try (Socket client = proxy.connect()) {
                byte[] received = Timing.readToEnd(client.getInputStream());

                assertThat(received).isEqualTo(Arrays.copyOf(TestServer.pattern(100_000), 12345));
            }
        }
    }

    @Test
    void upstreamLimitCountsWhatTheClientSends() throws Exception {
        try (TestServer sink = TestServer.sink(); ProxyFixture proxy = ProxyFixture.inFrontOf(sink)) {
            proxy.addToxic("name=cap&type=limit_data&bytes=30&stream=upstream");
            try (Socket client = proxy.connect()) {
                client.getOutputStream().write(TestServer.pattern(20));
                client.getOutputStream().write(TestServer.pattern(20));

                assertThat(client.getInputStream().read()).as("the end of the stream").isEqualTo(-1);
                Thread.sleep(100);
                assertThat(sink.received.get()).isEqualTo(30);
            }
        }
    }
}
