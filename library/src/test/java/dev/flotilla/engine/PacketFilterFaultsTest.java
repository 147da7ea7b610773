package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.flotilla.ActiveFault;
import dev.flotilla.ExecResult;
import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Links cut without a proxy, by the kernel's packet filter in the client's network namespace:
 * proven with real clients ({@code nc} to Redis), other links working at the same time, and no
 * rule left in the namespace once healed.
 *
 * <p>About 15 s on Docker; on Podman about 70 s, over the 60 s a class should take: after a heal or a
 * stop its bridge answers a client again only once stale ARP entries expire (tens of seconds, see
 * {@link DockerState#holdsOnceSettled}), which Podman's users meet too, and waiting for it is the test.
 */
class PacketFilterFaultsTest {

    private static RunningTopology running;

    @BeforeAll
    static void start() {
        running = Flotilla.topology("cuts")
                .service("cache", "redis:7", s -> s.ports(6379))
                .service("orders", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("cache"))
                .service("billing", "busybox:1.36", s -> s.command("sleep", "600").dependsOn("cache"))
                .build().start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @AfterEach
    void nothingOfAFaultIsLeft() {
        running.heal();
        assertThat(DockerState.containers(Labels.SERVICE, "flotilla-faults"))
                .filteredOn(c -> running.instanceId().equals(c.getLabels().get(Labels.TOPOLOGY)))
                .as("packet filter helpers left").isEmpty();
        for (String service : running.serviceNames()) {
            String rules = PacketFilter.rules((StartedTopology) running, ((StartedTopology) running).container(service));
            assertThat(rules).as("packet filter of " + service).doesNotContain(PacketFilter.CHAIN);
            assertThat(reachesAgain(running.service(service.equals("cache") ? "orders" : service), "cache")).isTrue();
        }
    }

    @Test
    void aCutLinkTimesOutWhileOtherLinksWorkAndHealingRestoresIt() {
        try (ActiveFault cut = running.network().between("orders", "cache").cut()) {
            assertThat(cut.description()).isEqualTo("cut on orders -> cache, both ways, by the packet filter of \"orders\"");
            assertThat(PacketFilter.rules((StartedTopology) running, ((StartedTopology) running).container("orders")))
                    .contains("-N " + PacketFilter.CHAIN).contains("-j DROP");
            assertThat(reaches(running.service("orders"), "cache")).isFalse();
            assertThat(reachesAgain(running.service("billing"), "cache")).isTrue();
        }
        assertThat(reachesAgain(running.service("orders"), "cache")).isTrue();
    }

    @Test
    void anIsolatedServiceReachesNoOtherServiceButTheOthersReachEachOther() {
        ActiveFault isolated = running.network().isolate("orders");
        assertThat(isolated.isActive()).isTrue();
        assertThat(reaches(running.service("orders"), "cache")).isFalse();
        assertThat(running.service("orders").exec("sh", "-c", "ping -c 1 -W 1 billing").exitCode()).isNotZero();
        assertThat(reachesAgain(running.service("billing"), "cache")).isTrue();
        running.network().heal();
        assertThat(isolated.isActive()).isFalse();
        assertThat(reachesAgain(running.service("orders"), "cache")).isTrue();
    }

    @Test
    void onlyTheRequestsOfAnUpstreamCutAreDropped() {
        try (ActiveFault cut = running.network().between("orders", "cache").upstream().cut()) {
            String rules = PacketFilter.rules((StartedTopology) running, ((StartedTopology) running).container("orders"));
            assertThat(rules).contains("-d ").doesNotContain("-s ");
            assertThat(reaches(running.service("orders"), "cache")).isFalse();
        }
    }

    @Test
    void aCutOnAServiceThatStoppedMeanwhileHealsAndTheServiceIsStartedAgain() {
        ActiveFault cut = running.network().between("orders", "cache").cut();
        running.service("orders").stop(Duration.ZERO); // its namespace, and the rules in it, are gone

        running.heal();
        assertThat(cut.isActive()).isFalse();
        assertThat(running.service("orders").isRunning()).isTrue();
        assertThat(reachesAgain(running.service("orders"), "cache")).isTrue();
    }

    @Test
    void badUseIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> running.network().between("orders", "nosuch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Topology \"cuts\" has no service \"nosuch\"; its services are [cache, orders, billing]. Fix: name one of them.");
        assertThatThrownBy(() -> running.network().between("orders", "orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("to itself is not a link");
        assertThatThrownBy(() -> running.network().between("orders", "cache").latency(Duration.ofMillis(100)))
                .isInstanceOf(FlotillaException.class)
                .hasMessageStartingWith("Cannot put latency (latency=100, jitter=0) on orders -> cache, both ways in place: the link has no"
                        + " fault proxy, and only a cut works without one.")
                .hasMessageContaining("Fix: declare @ProxiedLink(from = \"orders\", to = \"cache\")");
        assertThatThrownBy(() -> running.network().between("orders", "cache").toxicity(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toxicity 1.5 is not a share between 0.0 and 1.0");

        running.service("cache").pause();
        assertThatThrownBy(() -> running.network().between("orders", "cache").cut())
                .isInstanceOf(FlotillaException.class)
                .hasMessage("Cannot put cut on orders -> cache, both ways in place: service \"cache\" is paused. Fix: start it (or unpause it) first.");
        running.service("cache").unpause();

        System.setProperty(FlotillaSettings.FAULTS_IMAGE, "busybox:1.36");
        try {
            assertThatThrownBy(() -> running.network().between("orders", "cache").cut())
                    .isInstanceOf(FlotillaException.class)
                    .hasMessageStartingWith("Could not cut for service \"orders\": the packet filter helper (busybox:1.36, sharing the"
                            + " service's network namespace with NET_ADMIN) ended with exit code 127:")
                    .hasMessageEndingWith("Fix: the image set by flotilla.faults.image must have sh and iptables.");
        } finally {
            System.clearProperty(FlotillaSettings.FAULTS_IMAGE);
        }

        ServiceHandle billing = running.service("billing");
        billing.stop(Duration.ZERO);
        assertThatThrownBy(() -> running.network().between("billing", "cache").cut())
                .isInstanceOf(FlotillaException.class)
                .hasMessageStartingWith("Cannot put cut on billing -> cache, both ways in place: service \"billing\" is not running (exited")
                .hasMessageEndingWith("Fix: start it (or unpause it) first.");
    }

    /** Whether {@code client} gets redis's PONG from {@code server} (a name or an address) on port 6379. */
    static boolean reaches(ServiceHandle client, String server) {
        ExecResult result = client.exec("sh", "-c", "echo PING | nc -w 2 " + server + " 6379");
        return result.stdout().contains("PONG");
    }

    /** Whether the client reaches the server again: on Podman after a while (stale ARP entries, see DockerState). */
    private static boolean reachesAgain(ServiceHandle client, String server) {
        return DockerState.holdsOnceSettled(() -> reaches(client, server));
    }
}
