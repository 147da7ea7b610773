package dev.flotilla.faultproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.faultproxy.ProxyFixture.Reply;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ControlApiTest extends EchoBehindProxy {

    @Test
    void healthAnswersOk() throws Exception {
        assertThat(proxy.get("/health")).isEqualTo(new Reply(200, "ok\n"));
    }

    @Test
    void createsListsAndDeletesToxics() throws Exception {
        assertThat(proxy.post("name=slow&type=latency&latency=100"))
                .isEqualTo(new Reply(201, "slow latency downstream 1.0 latency=100 jitter=0\n"));
        proxy.addToxic("name=cut&type=limit_data&stream=upstream&toxicity=0.5&bytes=10");

        assertThat(proxy.get("/toxics")).isEqualTo(new Reply(200,
                "slow latency downstream 1.0 latency=100 jitter=0\ncut limit_data upstream 0.5 bytes=10\n"));

        assertThat(proxy.delete("/toxics/slow").status()).isEqualTo(204);
        assertThat(proxy.get("/toxics").body()).isEqualTo("cut limit_data upstream 0.5 bytes=10\n");
        assertThat(proxy.delete("/toxics").status()).isEqualTo(204);
        assertThat(proxy.get("/toxics")).isEqualTo(new Reply(200, ""));
    }

    @Test
    void fillsInEveryDefault() throws Exception {
        proxy.addToxic("name=a&type=slicer&average_size=10");
        proxy.addToxic("name=b&type=reset_peer");
        proxy.addToxic("name=c&type=down");

        assertThat(proxy.get("/toxics").body()).isEqualTo("""
                a slicer downstream 1.0 average_size=10 size_variation=0 delay=0
                b reset_peer downstream 1.0 timeout=0
                c down downstream 1.0
                """);
    }

    @Test
    void rejectsEachInvalidToxicWithItsReason() throws Exception {
        assertRejected("type=latency&latency=1", 400, "name is required");
        assertRejected("name=a%20b&type=latency&latency=1", 400, "name must be 1 to 100 of A-Z a-z 0-9 . _ -, got 'a b'");
        assertRejected("name=x&latency=1", 400, "type is required");
        assertRejected("name=x&type=lag", 400,
                "unknown toxic type 'lag'; known types: latency, bandwidth, timeout, reset_peer, slicer, limit_data, cut, down");
        assertRejected("name=x&type=latency", 400, "attribute 'latency' is required for type latency");
        assertRejected("name=x&type=latency&latency=-5", 400, "attribute 'latency' must be a non-negative integer, got '-5'");
        assertRejected("name=x&type=bandwidth&rate=1.5", 400, "attribute 'rate' must be a non-negative integer, got '1.5'");
        assertRejected("name=x&type=timeout&timeout=1&toxicity=1.5", 400,
                "toxicity must be a number from 0.0 to 1.0, got '1.5'");
        assertRejected("name=x&type=timeout&timeout=1&stream=sideways", 400,
                "stream must be upstream or downstream, got 'sideways'");
        assertRejected("name=x&type=timeout&timeout=1&rate=3", 400,
                "unknown field 'rate' for type timeout; its attributes: timeout");
        assertRejected("name=x&type=down&rate=3", 400, "unknown field 'rate' for type down; its attributes: none");
        assertRejected("name=x&name=y&type=down", 400, "field 'name' is given twice");
        assertThat(proxy.get("/toxics").body()).isEmpty();
    }

    @Test
    void rejectsADuplicateName() throws Exception {
        proxy.addToxic("name=slow&type=latency&latency=100");

        assertRejected("name=slow&type=timeout&timeout=1", 409,
                "a toxic named 'slow' already exists; delete it first or choose another name");
    }

    @Test
    void answers404ForAnUnknownToxicOrPath() throws Exception {
        assertThat(proxy.delete("/toxics/nothing")).isEqualTo(new Reply(404, "no toxic named 'nothing'\n"));
        assertThat(proxy.get("/proxies")).isEqualTo(
                new Reply(404, "no such path: /proxies; paths: /health, /stats, /toxics, /toxics/{name}\n"));
    }

    @Test
    void answers405ForAMethodAPathDoesNotTake() throws Exception {
        assertThat(proxy.send("PUT", "/toxics"))
                .isEqualTo(new Reply(405, "PUT is not allowed on /toxics; allowed: GET, POST, DELETE\n"));
        assertThat(proxy.send("POST", "/health"))
                .isEqualTo(new Reply(405, "POST is not allowed on /health; allowed: GET\n"));
    }

    @Test
    void statsCountConnectionsAndBytesEachWay() throws Exception {
        assertThat(proxy.get("/stats").body()).isEqualTo("""
                connections.accepted 0
                connections.open 0
                bytes.upstream 0
                bytes.downstream 0
                """);
        try (Socket client = proxy.connect()) {
            Timing.roundTripMillis(client, 1000);
            assertThat(proxy.get("/stats").body()).isEqualTo("""
                    connections.accepted 1
                    connections.open 1
                    bytes.upstream 1000
                    bytes.downstream 1000
                    """);
        }
        awaitStats("connections.open 0");
        assertThat(proxy.get("/stats").body()).contains("connections.accepted 1\n");
    }

    private void awaitStats(String line) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!proxy.get("/stats").body().contains(line + "\n")) {
            assertThat(System.nanoTime()).as("/stats shows '%s' in time", line).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void assertRejected(String form, int status, String message) throws Exception {
        assertThat(proxy.post(form)).as(form).isEqualTo(new Reply(status, message + "\n"));
    }
}
