package dev.flotilla;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.flotilla.engine.DockerEngine;
import dev.flotilla.engine.Labels;

/** What the Docker engine holds, asked directly: tests believe Docker, not counters in the library. */
public final class DockerState {

    private DockerState() {
    }

    public static DockerClient client() {
        return DockerEngine.get().client();
    }

    /** Containers of this JVM's session carrying the label {@code key=value}, running or not. */
    public static List<Container> containers(String key, String value) {
        return client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.SESSION, Labels.SESSION_ID, key, value)).exec();
    }

    /** Networks of this JVM's session carrying the label {@code key=value}. */
    public static long networks(String key, String value) {
        return client().listNetworksCmd().exec().stream()
                .filter(n -> n.getLabels() != null
                        && Labels.SESSION_ID.equals(n.getLabels().get(Labels.SESSION))
                        && value.equals(n.getLabels().get(key)))
                .count();
    }

    /** Containers and networks left of one topology instance. */
    public static long leftovers(String instanceId) {
        return containers(Labels.TOPOLOGY, instanceId).size() + networks(Labels.TOPOLOGY, instanceId);
    }

    /** Containers and networks left of any instance of a topology name. */
    public static long leftoversOfName(String topologyName) {
        return containers(Labels.TOPOLOGY_NAME, topologyName).size() + networks(Labels.TOPOLOGY_NAME, topologyName);
    }
}
