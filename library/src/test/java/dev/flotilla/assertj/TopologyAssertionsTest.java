package dev.flotilla.assertj;

import static dev.flotilla.assertj.FlotillaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.engine.Labels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The assertions on a running topology, and on its services through it, on real containers. */
class TopologyAssertionsTest {

    private static RunningTopology topology;

    @BeforeAll
    static void start() throws InterruptedException {
        topology = Flotilla.topology("assertj-topology-" + Labels.SESSION_ID.substring(0, 8))
                .service("api", "busybox:1.36", s -> s.command("sleep", "3600"))
                .service("migrations", "busybox:1.36", s -> s.command("sh", "-c", "echo migrated; sleep 1; exit 0"))
                .build().start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (topology.service("migrations").isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void service() {
        assertThat(topology).service("migrations").hasExitCode(0).hasLogLineMatching("migrated");
        assertThat(topology).service("api").isRunning();

        assertThatThrownBy(() -> assertThat(topology).service("db"))
                .hasMessage("Expecting topology \"" + topology.name() + "\" to have a service named \"db\", but it has no \"db\";"
                        + " its services are \"api\", \"migrations\".");
        assertThatThrownBy(() -> assertThat(topology).as("the shop").service("migrations").hasExitCode(1))
                .hasMessageStartingWith("[the shop] Expecting service \"migrations\" to have exited with code 1, but it exited with code 0.\n");
    }

    @Test
    void hasServices() {
        assertThat(topology).hasServices("migrations", "api");

        assertThatThrownBy(() -> assertThat(topology).hasServices("api", "db", "cache"))
                .hasMessage("Expecting topology \"" + topology.name() + "\" to have services named \"api\", \"db\", \"cache\","
                        + " but it has no \"db\", \"cache\"; its services are \"api\", \"migrations\".");
    }

    @Test
    void allServicesAreRunning() {
        assertThatThrownBy(() -> assertThat(topology).allServicesAreRunning())
                .hasMessage("Expecting every service of topology \"" + topology.name() + "\" to be running, but \"migrations\" is not.\n"
                        + "service \"migrations\":\n"
                        + "  state: exited, exit code 0, OOM-killed no\n"
                        + "  its log line:\n"
                        + "    | migrated");
    }

    @Test
    void anObjectThatIsARunningTopologyGetsTheseAssertionsThroughItsFactory() {
        Object running = topology;

        assertThat(running).asInstanceOf(FlotillaAssertions.RUNNING_TOPOLOGY).hasServices("api");
    }
}
