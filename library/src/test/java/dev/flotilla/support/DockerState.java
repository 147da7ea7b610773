package dev.flotilla.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Event;
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

    /**
     * Whether the engine's DNS can be asked right after a container of the network stopped (a stop, a
     * restart, a scale down). Podman 4.3's (aardvark-dns, Debian 12) then at times answers no name of that
     * network at all, not even those of the containers still running, for 20 s and more (in .ci/run: over
     * 45 s). Reproduced with the podman CLI alone, two containers under one alias and one of them stopped,
     * in 5 rounds of 17; the names of another network kept answering. The containers still answer at their
     * addresses, which the tests check on every engine.
     */
    public static boolean dnsAnswersRightAfterAStop() {
        return !isPodman();
    }

    /**
     * Whether {@code check} holds, asked once on Docker. On Podman a container started again may get an
     * address that another container had, under a new MAC: its peers' stale ARP entries send its packets
     * astray for up to half a minute (seen 15 s), so there it is asked again for up to 45 s.
     */
    public static boolean holdsOnceSettled(BooleanSupplier check) {
        long deadline = System.nanoTime() + (isPodman() ? 45_000_000_000L : 0);
        boolean holds = check.getAsBoolean();
        while (!holds && System.nanoTime() < deadline) {
            holds = check.getAsBoolean();
        }
        return holds;
    }

    /** A container's endpoint on a network, as the engine holds it: its address and its aliases there. */
    public static ContainerNetwork endpointOn(String containerId, String network) {
        var endpoint = client().inspectContainerCmd(containerId).exec().getNetworkSettings().getNetworks().get(network);
        if (endpoint == null) {
            throw new AssertionError("container " + containerId + " is not on network " + network);
        }
        return endpoint;
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
        Map.Entry<String, String> first = labels.entrySet().iterator().next();
        return events(sinceEpochSeconds, query -> query.withEventFilter("create").withLabelFilter(Map.of(first.getKey(), first.getValue())))
                .stream()
                .map(event -> event.getActor().getAttributes())
                .filter(attributes -> attributes != null && attributes.entrySet().containsAll(labels.entrySet()))
                .map(attributes -> attributes.get(Labels.SERVICE))
                .toList();
    }

    /** What Docker reported of container {@code containerId} since then (its events' actions, such as "start" or "kill"), in order. */
    public static List<String> containerActions(String containerId, long sinceEpochSeconds) {
        return events(sinceEpochSeconds, query -> query.withContainerFilter(containerId)).stream().map(Event::getAction).toList();
    }

    /** The engine's events since then, up to now, that {@code filters} lets through, in order. */
    public static List<Event> events(long sinceEpochSeconds, UnaryOperator<EventsCmd> filters) {
        List<Event> events = new CopyOnWriteArrayList<>();
        try {
            filters.apply(client().eventsCmd()
                            .withSince(String.valueOf(sinceEpochSeconds))
                            .withUntil(String.valueOf(System.currentTimeMillis() / 1000 + 1)))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            events.add(event);
                        }
                    })
                    .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return events;
    }

    /** How many containers are on the network {@code name}; -1 if there is no such network. */
    public static int containersOn(String name) {
        try {
            var containers = client().inspectNetworkCmd().withNetworkId(name).exec().getContainers();
            return containers == null ? 0 : containers.size();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return -1;
        }
    }

    /** Volumes labelled {@code key=value}. */
    public static long volumes(String key, String value) {
        var volumes = client().listVolumesCmd().withFilter("label", List.of(key + "=" + value)).exec().getVolumes();
        return volumes == null ? 0 : volumes.size();
    }

    /**
     * Every container, network and volume whose name holds {@code instanceId}, labelled or not, each
     * with its session label: for a message that says what a count by label missed.
     */
    public static String describe(String instanceId) {
        List<String> found = new ArrayList<>();
        client().listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> c.getNames() != null && String.join(",", c.getNames()).contains(instanceId))
                .forEach(c -> found.add("container " + String.join(",", c.getNames()) + session(c.getLabels())));
        client().listNetworksCmd().exec().stream().filter(n -> n.getName().contains(instanceId))
                .forEach(n -> found.add("network " + n.getName() + session(n.getLabels())));
        var volumes = client().listVolumesCmd().exec().getVolumes();
        (volumes == null ? List.<InspectVolumeResponse>of() : volumes).stream()
                .filter(v -> v.getName().contains(instanceId))
                .forEach(v -> found.add("volume " + v.getName() + session(v.getLabels())));
        return found.toString();
    }

    private static String session(Map<String, String> labels) {
        String session = labels == null ? null : labels.get(Labels.SESSION);
        return session == null ? " (no session label)" : " (session " + session.substring(0, 8) + ")";
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
