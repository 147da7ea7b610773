package dev.flotilla.bench;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.flotilla.Flotilla;
import dev.flotilla.RunningTopology;
import dev.flotilla.TopologyBuilder;
import dev.flotilla.TopologyDefinition;
import dev.flotilla.engine.Labels;
import org.testcontainers.DockerClientFactory;

/**
 * Attaching to a reusable running instance, the second run of a topology with reuse on: from the
 * call to handles ready, against starting the same services afresh in the same JVM.
 */
final class ReuseAttach {

    static final String ATTACH = "reuse attach: 2 services, call to handles ready";
    static final String FRESH = "the same 2 services started afresh";
    static final String FLOTILLA = "Flotilla";
    private static final String NAME = "bench-reuse";

    private ReuseAttach() {
    }

    static void run(int warmup, int rounds, Samples samples) throws Exception {
        System.setProperty("flotilla.reuse.enabled", "true");
        TopologyDefinition reusable = topology(NAME, true);
        TopologyDefinition fresh = topology("bench-fresh", false);
        try {
            reusable.start().close(); // kept for the attaches
            for (int round = 1 - warmup; round <= rounds; round++) {
                long start = System.nanoTime();
                try (RunningTopology attached = reusable.start()) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    attached.service("a").mappedPort(Busybox.PORT);
                    if (round >= 1) {
                        samples.add(ATTACH, FLOTILLA, millis);
                    }
                }
                start = System.nanoTime();
                try (RunningTopology started = fresh.start()) {
                    if (round >= 1) {
                        samples.add(FRESH, FLOTILLA, (System.nanoTime() - start) / 1e6);
                    }
                }
                Thread.sleep(300);
            }
        } finally {
            removeKept();
        }
    }

    private static TopologyDefinition topology(String name, boolean reuse) {
        TopologyBuilder builder = Flotilla.topology(name).reuse(reuse);
        for (String service : List.of("a", "b")) {
            builder.service(service, Busybox.IMAGE, s -> s.ports(Busybox.PORT).command(Busybox.HTTPD.toArray(String[]::new))
                    .waitForHttp(Busybox.PORT, "/", Busybox.READY_STATUS).label(Busybox.LABEL, Busybox.RUN_ID));
        }
        return builder.build();
    }

    /** The kept instance is the benchmark's to remove: its containers and its network. */
    private static void removeKept() {
        DockerClient docker = DockerClientFactory.instance().client();
        for (Container container : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.TOPOLOGY_NAME, NAME)).exec()) {
            docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
        for (Network network : docker.listNetworksCmd().withFilter("label", List.of(Labels.TOPOLOGY_NAME + "=" + NAME)).exec()) {
            docker.removeNetworkCmd(network.getId()).exec();
        }
    }
}
