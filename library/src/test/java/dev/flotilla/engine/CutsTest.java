package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flotilla.ActiveFault;
import dev.flotilla.ExecResult;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cut looks the same to a client whichever way Flotilla makes it: through the link's proxy
 * (orders -> cache) or by the packet filter (billing -> cache, no proxy). A real client in each
 * client's container ({@code faults/cut-client.pl}, perl of the redis image) says how its calls
 * ended and after how long: no byte, FIN or RST crosses the cut either way, a new connection
 * times out, and a connection held through the cut carries on once healed.
 */
class CutsTest {

    private static final String CLIENT = script("faults/cut-client.pl");
    private static final String DIR = "/tmp/cut-client";
    private static RunningTopology running;

    @BeforeAll
    static void start() {
        running = Flotilla.topology("cuts-alike")
                .service("cache", "redis:7", s -> s.ports(6379))
                .service("orders", "redis:7", s -> s.command("sleep", "600").dependsOn("cache"))
                .service("billing", "redis:7", s -> s.command("sleep", "600").dependsOn("cache"))
                .proxiedLink("orders", "cache")
                .build().start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @AfterEach
    void healed() {
        running.heal();
        for (String client : new String[] {"orders", "billing"}) {
            assertThat(DockerState.holdsOnceSettled(() -> call(client).startsWith("connected, answered +PONG, then closed")))
                    .as(client + " -> cache healed").isTrue();
        }
    }

    @ParameterizedTest(name = "{0} -> cache")
    @ValueSource(strings = {"orders", "billing"})
    void aCutTimesOutNewConnectionsAndHoldsOpenOnesUntilHealed(String client) throws Exception {
        ServiceHandle handle = running.service(client);
        handle.exec("sh", "-c", "rm -rf " + DIR + " && mkdir " + DIR);
        CompletableFuture<ExecResult> held = CompletableFuture.supplyAsync(
                () -> handle.exec(Duration.ofSeconds(90), "perl", "-e", CLIENT, "held", "cache", "6379", DIR));
        awaitMark(handle, "opened", held);

        String fresh;
        try (ActiveFault cut = running.network().between(client, "cache").cut()) {
            handle.exec("touch", DIR + "/cut");
            fresh = call(client);
            assertThat(fresh).as("a new connection during the cut").matches("connect timed out after \\d+ ms");
            assertThat(millis(fresh)).isBetween(1900L, 3500L);
            awaitMark(handle, "waited", held);
        }
        handle.exec("touch", DIR + "/healed");
        String said = held.get(60, TimeUnit.SECONDS).stdout();
        System.out.println(client + " -> cache, a new connection during the cut: " + fresh + "\n" + said.indent(2));

        assertThat(said).contains("before the cut: answered +PONG\n");
        String during = line(said, "during the cut: ");
        assertThat(during).as("the held connection while cut: no byte, no FIN, no RST").matches("timed out after \\d+ ms");
        assertThat(millis(during)).isBetween(1900L, 3500L);
        // The PING and the FIN sent during the cut arrive once healed: the answer, then the server's close.
        assertThat(line(said, "after healing: ")).matches("answered \\+PONG, then closed after \\d+ ms");
    }

    /** A new connection from {@code client} to the cache, as the client program tells how it went. */
    private static String call(String client) {
        return running.service(client).exec("perl", "-e", CLIENT, "new", "cache", "6379").stdout().strip();
    }

    /** Waits until the held client has marked {@code name}, or has ended (its output then tells why). */
    private static void awaitMark(ServiceHandle handle, String name, CompletableFuture<ExecResult> held) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (handle.exec("test", "-e", DIR + "/" + name).exitCode() != 0) {
            if (held.isDone()) {
                throw new AssertionError("the held client ended before it marked " + name + ": " + held.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the held client did not mark " + name + " in 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line \"" + prefix + "...\" in: " + output));
    }

    private static long millis(String outcome) {
        Matcher ms = Pattern.compile("after (\\d+) ms").matcher(outcome);
        assertThat(ms.find()).as(outcome).isTrue();
        return Long.parseLong(ms.group(1));
    }

    private static String script(String resource) {
        try (InputStream in = CutsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
