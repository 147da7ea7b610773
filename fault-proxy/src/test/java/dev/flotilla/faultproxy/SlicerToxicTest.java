package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class SlicerToxicTest {

    @Test
    void cutsTheDataIntoSmallSlicesThatArriveIntact() throws Exception {
        try (TestServer echo = TestServer.echo(); ProxyFixture proxy = ProxyFixture.inFrontOf(echo)) {
            proxy.addToxic("name=slices&type=slicer&average_size=10&size_variation=5&delay=1000");
            try (Socket client = proxy.connect()) {
                byte[] sent = TestServer.pattern(1000);
                client.getOutputStream().write(sent);

                InputStream in = client.getInputStream();
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                byte[] buffer = new byte[4096];
                int reads = 0;
                while (received.size() < sent.length) {
                    int read = in.read(buffer);
                    assertThat(read).as("bytes before the end").isPositive();
                    received.write(buffer, 0, read);
                    reads++;
                }
                System.out.printf("slicer: 1000 bytes in %d reads%n", reads);
                assertThat(received.toByteArray()).isEqualTo(sent);
                // About 100 slices of 5 to 15 bytes, 1 ms apart; a slow reader may merge some.
                assertThat(reads).isGreaterThan(20);
            }
        }
    }
}
