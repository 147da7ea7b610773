package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The gate's line as docker-java's stdin pump reads it, and when the gate's open file must
 * cover a line that may not have arrived. No engine: the pump's reads and the attachment's end
 * are called here in the orders the pump and the engine can make.
 */
class StartGateLineTest {

    @Test
    void thePumpGetsTheLineThenTheEnd() throws IOException {
        StartGate.Line line = new StartGate.Line();
        assertThat(line.open(() -> { })).isTrue();
        byte[] buffer = new byte[8192];
        int read = line.read(buffer, 0, buffer.length);
        assertThat(new String(buffer, 0, read, StandardCharsets.US_ASCII)).isEqualTo("flotilla-gate-open\n");
        assertThat(line.read(buffer, 0, buffer.length)).isEqualTo(-1);
    }

    @Test
    void anAttachmentThatEndsBeforeTheLineWentThroughCallsForTheFile() throws InterruptedException {
        StartGate.Line line = new StartGate.Line();
        CountDownLatch lost = new CountDownLatch(1);
        assertThat(line.open(lost::countDown)).isTrue();
        line.ended(false);
        assertThat(lost.await(5, TimeUnit.SECONDS)).as("the file was called for").isTrue();
    }

    @Test
    void anAttachmentThatEndsAfterTheLineWentThroughDoesNot() throws IOException, InterruptedException {
        StartGate.Line line = new StartGate.Line();
        CountDownLatch lost = new CountDownLatch(1);
        line.open(lost::countDown);
        byte[] buffer = new byte[8192];
        line.read(buffer, 0, buffer.length);
        line.read(buffer, 0, buffer.length); // the pump comes back for more: the line was written and flushed
        // A quick job that read the line and ended ends the attachment with an error.
        line.ended(true);
        assertThat(lost.await(300, TimeUnit.MILLISECONDS)).as("the file was called for").isFalse();
    }

    @Test
    void anAttachmentThatFailedBeforeTheGateOpensLeavesItToTheSignal() {
        StartGate.Line line = new StartGate.Line();
        line.ended(true);
        assertThat(line.open(() -> { })).as("the line can open the gate").isFalse();
    }
}
