package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import org.junit.jupiter.api.Test;

/**
 * A published port that accepts connections is no proof that something listens in the container:
 * forwarders (Docker's port proxy, Docker Desktop's, rootless Docker's) accept first and then try
 * the container. Here Docker's own proxy is made to hold a connection open with nothing behind it,
 * as those forwarders do, by dropping its packets to the container port. Needs this machine's
 * engine and iptables; elsewhere it is skipped.
 */
class ForwarderReadinessTest {

    /** Unusual, so that the rule touches no other test's container. */
    private static final int PORT = 18765;

    @Test
    void aPortIsReadyWhenSomethingListensInsideNotWhenTheForwarderAccepts() throws Exception {
        assumeTrue(DockerEngine.get().isLocal(), "the engine runs on this machine");
        List<String> rule = List.of("OUTPUT", "-p", "tcp", "--dport", String.valueOf(PORT), "-j", "DROP");
        assumeTrue(iptables("-I", rule), "iptables can add a rule here");
        try (RunningTopology running = Flotilla.topology("forwarder")
                .service("late", "busybox:1.36", s -> s.ports(PORT).command("sh", "-c", "sleep 3; exec nc -ll -p " + PORT + " -e cat")
                        .startupTimeout(Duration.ofSeconds(30)))
                .build()
                .start()) {
            // Ready only once nc listens; the proxy accepted (and held) connections from the first moment.
            String tables = running.service("late").exec("cat", "/proc/net/tcp", "/proc/net/tcp6").stdout();
            assertThat(ContainerListeners.listeningPorts(tables)).contains(PORT);
        } finally {
            iptables("-D", rule);
        }
    }

    private static boolean iptables(String action, List<String> rule) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("iptables", action));
        command.addAll(rule);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
