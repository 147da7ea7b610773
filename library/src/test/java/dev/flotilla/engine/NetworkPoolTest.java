package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaException;
import dev.flotilla.RunningTopology;
import dev.flotilla.TopologyBuilder;
import dev.flotilla.support.ChildJvm;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A removed topology's default network handed on to the next topology of the JVM, on a real
 * engine: only with nothing of the first left on it, at most two kept, none after the JVM ends;
 * on Podman not at all.
 */
class NetworkPoolTest {

    @BeforeEach
    void onDockerOnly(TestInfo test) {
        if (!test.getDisplayName().startsWith("onPodman")) {
            assumeFalse(DockerState.isPodman(), "Podman's networks are not handed on (its DNS, see NetworkPool)");
        }
    }

    @Test
    void onPodmanEachTopologyHasItsOwnNetworkRemovedWithIt() {
        assumeTrue(DockerState.isPodman(), "Docker hands networks on");
        String network;
        try (RunningTopology running = sleepers("pool-podman", "box").build().start()) {
            network = running.networkName();
            assertThat(network).isEqualTo("flotilla-pool-podman-" + running.instanceId());
        }
        assertThat(exists(network)).isFalse();
    }

    @Test
    void theNextTopologyGetsTheNetworkWithNoNameOfTheFirstLeftOnIt() {
        String network;
        try (RunningTopology first = sleepers("pool-first", "alpha").build().start()) {
            network = first.networkName();
            assertThat(network).startsWith("flotilla-net-").doesNotContain(first.instanceId());
            assertThat(labels(network)).containsEntry(Labels.SESSION, Labels.SESSION_ID).doesNotContainKey(Labels.TOPOLOGY);
        }
        assertThat(DockerState.containersOn(network)).as("kept, empty").isZero();

        try (RunningTopology second = sleepers("pool-second", "beta", "gamma").build().start()) {
            assertThat(second.networkName()).isEqualTo(network);
            var gamma = second.service("gamma");
            assertThat(gamma.exec("nslookup", "beta").stdout()).contains("Address");
            assertThat(gamma.exec("nslookup", "alpha").exitCode()).as("the first topology's service").isNotZero();
            assertThat(gamma.exec("nslookup", "gamma-alias").stdout()).contains("Address");
        }
    }

    @Test
    void aNetworkWithSomeoneElsesContainerOnItIsNotHandedOnAndTheContainerStays() {
        DockerClient client = DockerState.client();
        RunningTopology first = sleepers("pool-foreign", "alpha").build().start();
        String network = first.networkName();
        String foreign = client.createContainerCmd("busybox:1.36").withCmd("sleep", "600")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network)).exec().getId();
        try {
            client.startContainerCmd(foreign).exec();
            assertThatThrownBy(first::close).isInstanceOf(FlotillaException.class)
                    .hasMessageContaining("Could not remove everything of topology \"pool-foreign\"")
                    .hasMessageEndingWith("remove what is left with: docker network rm " + network)
                    .cause().hasMessageContaining("Could not remove network " + network).hasMessageContaining("active endpoints");
            assertThat(client.inspectContainerCmd(foreign).exec().getState().getRunning()).as("the user's container").isTrue();
            try (RunningTopology second = sleepers("pool-after-foreign", "beta").build().start()) {
                assertThat(second.networkName()).isNotEqualTo(network);
            }
        } finally {
            client.removeContainerCmd(foreign).withForce(true).exec();
            DockerRemoval.network(client, network);
        }
    }

    @Test
    void atMostTwoNetworksAreKept() {
        List<RunningTopology> running = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                running.add(sleepers("pool-three-" + i, "box").build().start());
                networks.add(running.get(i - 1).networkName());
            }
            assertThat(networks).doesNotHaveDuplicates();
        } finally {
            running.forEach(RunningTopology::close);
        }
        assertThat(networks.stream().filter(NetworkPoolTest::exists)).hasSize(NetworkPool.MAX_IDLE);
    }

    @Test
    void switchedOffEachTopologyHasItsOwnNetworkRemovedWithIt() {
        String network;
        System.setProperty(FlotillaSettings.NETWORK_POOL, "off");
        try (RunningTopology running = sleepers("pool-off", "box").build().start()) {
            network = running.networkName();
            assertThat(network).isEqualTo("flotilla-pool-off-" + running.instanceId());
            assertThat(labels(network)).containsEntry(Labels.TOPOLOGY, running.instanceId());
        } finally {
            System.clearProperty(FlotillaSettings.NETWORK_POOL);
        }
        assertThat(exists(network)).isFalse();
    }

    @Test
    void aBadSettingIsNamedWithBothWords() {
        System.setProperty(FlotillaSettings.NETWORK_POOL, "yes");
        try {
            assertThatThrownBy(() -> sleepers("pool-bad", "box").build().start())
                    .hasMessageContaining("Setting flotilla.network.pool: \"yes\" is not on or off");
        } finally {
            System.clearProperty(FlotillaSettings.NETWORK_POOL);
        }
        assertThat(DockerState.containers(Labels.TOPOLOGY_NAME, "pool-bad")).isEmpty();
    }

    @Test
    void keptNetworksAreGoneWhenTheJvmEnds() throws Exception {
        ChildJvm child = ChildJvm.start(KeepAndExit.class, Map.of(), List.of());
        assertThat(child.awaitExit(120)).as(child.output()).isZero();
        String session = child.output().lines().filter(l -> l.startsWith("KEPT ")).findFirst().orElseThrow().split(" ")[1];
        assertThat(DockerState.client().listNetworksCmd().withFilter("label", List.of(Labels.SESSION + "=" + session)).exec())
                .as(child.output()).isEmpty();
    }

    /** Starts and closes two topologies, so that a network is kept, says whose, and exits. */
    public static final class KeepAndExit {
        public static void main(String[] args) {
            String network;
            try (RunningTopology running = sleepers("pool-exit", "box").build().start()) {
                network = running.networkName();
            }
            if (!exists(network)) {
                throw new AssertionError("network " + network + " was not kept");
            }
            System.out.println("KEPT " + Labels.SESSION_ID + " " + network);
            System.exit(0);
        }
    }

    /** Busybox services that sleep, each with an alias {@code <name>-alias}. */
    private static TopologyBuilder sleepers(String topology, String... services) {
        var builder = Flotilla.topology(topology);
        for (String service : services) {
            builder.service(service, "busybox:1.36", s -> s.command("sleep", "600").aliases(service + "-alias"));
        }
        return builder;
    }

    private static boolean exists(String network) {
        return DockerState.containersOn(network) >= 0;
    }

    private static Map<String, String> labels(String network) {
        return DockerState.client().inspectNetworkCmd().withNetworkId(network).exec().getLabels();
    }
}
