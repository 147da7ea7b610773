package dev.flotilla.support;

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

    /** Whether the engine is Podman's Docker-compatible API, which differs in a few documented ways. */
    public static boolean isPodman() {
        var components = client().versionCmd().exec().getComponents();
        return components != null && components.stream().anyMatch(c -> c.getName() != null && c.getName().startsWith("Podman"));
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

    /** The services whose containers this JVM had Docker create for a topology name since a moment, in event order. */
    public static List<String> createdServices(String topologyName, long sinceEpochSeconds) {
        return createdServices(Map.of(Labels.SESSION, Labels.SESSION_ID, Labels.TOPOLOGY_NAME, topologyName), sinceEpochSeconds);
    }

    /**
     * The services whose containers Docker created with all of these labels since a moment, in
     * event order. The labels are matched here, not by the engine: Podman takes several label
     * filters as "any of them", Docker as "all of them". Podman also writes its events a moment
     * late, so an empty answer from it is asked again for up to three seconds.
     */
    public static List<String> createdServices(Map<String, String> labels, long sinceEpochSeconds) {
        List<String> services = createdServicesOnce(labels, sinceEpochSeconds);
        for (int attempt = 0; services.isEmpty() && attempt < 6 && isPodman(); attempt++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            services = createdServicesOnce(labels, sinceEpochSeconds);
        }
        return services;
    }

    private static List<String> createdServicesOnce(Map<String, String> labels, long sinceEpochSeconds) {
        List<String> services = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map.Entry<String, String> first = labels.entrySet().iterator().next();
        try {
            client().eventsCmd()
                    .withSince(String.valueOf(sinceEpochSeconds))
                    .withUntil(String.valueOf(System.currentTimeMillis() / 1000 + 1))
                    .withEventFilter("create")
                    .withLabelFilter(Map.of(first.getKey(), first.getValue()))
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Event>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Event event) {
                            Map<String, String> attributes = event.getActor().getAttributes();
                            if (attributes != null && attributes.entrySet().containsAll(labels.entrySet())) {
                                services.add(attributes.get(Labels.SERVICE));
                            }
                        }
                    })
                    .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return services;
    }

    /** Volumes labelled {@code key=value}. */
    public static long volumes(String key, String value) {
        var volumes = client().listVolumesCmd().withFilter("label", List.of(key + "=" + value)).exec().getVolumes();
        return volumes == null ? 0 : volumes.size();
    }

    /** Containers, networks and volumes left of one topology instance. */
    public static long leftovers(String instanceId) {
        return containers(Labels.TOPOLOGY, instanceId).size() + networks(Labels.TOPOLOGY, instanceId) + volumes(Labels.TOPOLOGY, instanceId);
    }

    /** Containers, networks and volumes left of any instance of a topology name. */
    public static long leftoversOfName(String topologyName) {
        return containers(Labels.TOPOLOGY_NAME, topologyName).size() + networks(Labels.TOPOLOGY_NAME, topologyName)
                + volumes(Labels.TOPOLOGY_NAME, topologyName);
    }
}
