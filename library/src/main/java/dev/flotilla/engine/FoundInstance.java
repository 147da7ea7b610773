package dev.flotilla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.flotilla.model.ReplicaNames;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;

/** What one look at Docker found of a reusable instance: its containers by service, and what is wrong with it. */
final class FoundInstance {

    /** An instance this young that lacks containers is probably being started by another JVM right now. */
    private static final Duration YOUNG = Duration.ofMinutes(1);
    /** States of a container on its way up; any other state but running means a service was stopped or broke. */
    private static final Set<String> STARTING = Set.of("created", "restarting");

    private final TopologySpec spec;
    private final List<Container> containers;
    private final Map<String, Container> byReplica;

    private FoundInstance(TopologySpec spec, List<Container> containers) {
        this.spec = spec;
        this.containers = containers;
        this.byReplica = containers.stream()
                .collect(Collectors.toMap(c -> Labels.replicaName(c.getLabels()), c -> c, (a, b) -> a));
    }

    /** Looks at the containers of the reusable instance of {@code spec} with this model hash. */
    static FoundInstance look(DockerClient client, TopologySpec spec, String hash) {
        return new FoundInstance(spec, client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.REUSE_HASH, hash)).exec());
    }

    /** No container of it exists. */
    boolean isAbsent() {
        return containers.isEmpty();
    }

    /** The container of each replica, by replica name (the service's name for replica 1). */
    Map<String, Container> byReplica() {
        return byReplica;
    }

    /**
     * Probably being started by another JVM right now: young, and each service's container is
     * missing, on its way up or running; none was stopped, and no service has more replicas than
     * declared (a start never makes more).
     */
    boolean isProbablyStarting() {
        long newest = containers.stream().mapToLong(Container::getCreated).max().orElse(0);
        return Instant.ofEpochSecond(newest).plus(YOUNG).isAfter(Instant.now())
                && spec.services().stream().allMatch(service -> replicasFound(service) <= service.replicas())
                && containers.stream().allMatch(c -> "running".equals(state(c)) || STARTING.contains(state(c)) || completed(c));
    }

    /** The container's state as the list gives it, in Docker's words whatever the engine. */
    private static String state(Container container) {
        return StatusWords.dockers(container.getState());
    }

    /** A job's container that ran to completion: exited with 0 (the list only says so in its status, "Exited (0) ..."). */
    private static boolean completed(Container container) {
        return "exited".equals(state(container)) && String.valueOf(container.getStatus()).startsWith("Exited (0)");
    }

    /**
     * What keeps it from being whole, such as {@code service "box" is exited} ({@code "box-2"} for its
     * replica 2); empty when every replica of every service has a running container, and every job one
     * that exited with 0.
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (ServiceSpec service : spec.services()) {
            for (int index = 1; index <= service.replicas(); index++) {
                String name = ReplicaNames.of(service.name(), index);
                Container container = byReplica.get(name);
                if (container == null) {
                    problems.add("service \"" + name + "\" has no container");
                } else if (service.job() ? !completed(container) : !"running".equals(state(container))) {
                    problems.add("service \"" + name + "\" is " + (service.job() ? container.getStatus() : state(container)));
                }
            }
            // A scale-up that a test did not undo (its JVM died first) would leave more replicas answering to the name.
            long found = replicasFound(service);
            if (found > service.replicas()) {
                problems.add("service \"" + service.name() + "\" has " + found + " replicas, not " + service.replicas());
            }
        }
        return problems;
    }

    private long replicasFound(ServiceSpec service) {
        return containers.stream().filter(c -> service.name().equals(c.getLabels().get(Labels.SERVICE))).count();
    }
}
