package dev.flotilla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.flotilla.PullPolicy;
import dev.flotilla.RunningTopology;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reusable instances: found by the hash of their model, checked to be whole, running and ready
 * before a run attaches to them, started fresh otherwise, and removed once unused for the
 * time to live. Their container names derive from the hash, so two JVMs that start the same
 * one at the same moment collide on a name: the loser waits and attaches.
 */
final class ReusableTopologies {

    private static final Logger LOG = LoggerFactory.getLogger(ReusableTopologies.class);
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration YOUNG = Duration.ofMinutes(1);

    private ReusableTopologies() {
    }

    static RunningTopology startOrAttach(TopologySpec spec, DockerEngine docker, PullPolicy policy) {
        // Prepared once, up front: a Java application's classes are not in the model, so its image
        // tag (a hash of them) joins the model's hash.
        Map<String, String> appImages = TopologyEngine.prepareImages(docker, spec, policy);
        String hash = ModelHash.of(spec, appImages);
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            Optional<StartedTopology> attached = tryAttach(spec, docker, hash, giveUp);
            if (attached.isPresent()) {
                return attached.get();
            }
            try {
                StartedTopology started = TopologyEngine.startInstance(StartedTopology.reusable(spec, docker, hash), appImages);
                ReuseLedger.hold(hash);
                return started;
            } catch (RuntimeException e) {
                if (!causedByNameConflict(e) || Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                LOG.info("Another JVM is starting reusable topology {} right now; waiting to attach", spec.name());
                sleep();
            }
        }
    }

    private static Optional<StartedTopology> tryAttach(TopologySpec spec, DockerEngine docker, String hash, Instant giveUp) {
        DockerClient client = docker.client();
        while (true) {
            List<Container> containers = client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(Labels.REUSE_HASH, hash)).exec();
            if (containers.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Container> byService = containers.stream()
                    .collect(Collectors.toMap(c -> c.getLabels().get(Labels.SERVICE), c -> c, (a, b) -> a));
            boolean whole = spec.services().stream().allMatch(s -> byService.containsKey(s.name())
                    && "running".equals(byService.get(s.name()).getState()));
            if (whole) {
                Optional<StartedTopology> attached = attach(spec, docker, hash, byService);
                if (attached.isPresent()) {
                    return attached;
                }
            } else if (isYoung(containers) && Instant.now().isBefore(giveUp)) {
                sleep(); // probably another JVM starting it right now
                continue;
            }
            LOG.info("Reusable topology {} is incomplete, stopped or not ready: removing it to start afresh", spec.name());
            remove(client, hash);
            return Optional.empty();
        }
    }

    private static Optional<StartedTopology> attach(TopologySpec spec, DockerEngine docker, String hash, Map<String, Container> byService) {
        StartedTopology topology = StartedTopology.reusable(spec, docker, hash);
        Optional<Network> network = docker.client().listNetworksCmd().withFilter("label", List.of(Labels.REUSE_HASH + "=" + hash))
                .exec().stream().findFirst();
        if (network.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> ids = new HashMap<>();
        byService.forEach((service, container) -> ids.put(service, container.getId()));
        topology.attach(network.get().getId(), ids);
        for (ServiceSpec service : DependencyGraph.startOrder(spec)) {
            try {
                topology.container(service.name()).awaitReady(() -> false);
                topology.markReady(service.name());
            } catch (ReadinessFailure failure) {
                LOG.info("Reusable service {} is not ready: {}", service.name(), failure.getMessage());
                topology.container(service.name()).log().close();
                return Optional.empty();
            }
        }
        LiveTopologies.remember(topology);
        ReuseLedger.hold(hash);
        LOG.info("Reusing topology {} ({}), kept by an earlier run", spec.name(), topology.instanceId());
        return Optional.of(topology);
    }

    /**
     * Removes reusable instances unused for longer than {@code timeToLive}: last use as recorded
     * on this machine, or creation when there is no record. Instances this JVM uses are never old.
     */
    static int sweepExpired(DockerClient client, Duration timeToLive) {
        Map<String, List<Container>> byHash = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.REUSABLE, "true")).exec().stream()
                .collect(Collectors.groupingBy(c -> c.getLabels().get(Labels.REUSE_HASH)));
        int removed = 0;
        Instant now = Instant.now();
        for (Map.Entry<String, List<Container>> instance : byHash.entrySet()) {
            Instant created = Instant.ofEpochSecond(instance.getValue().stream().mapToLong(Container::getCreated).max().orElse(0));
            Instant lastUse = ReuseLedger.lastUse(instance.getKey()).filter(t -> t.isAfter(created)).orElse(created);
            if (lastUse.plus(timeToLive).isBefore(now) && !LiveTopologies.usesReusable(instance.getKey())) {
                LOG.info("Removing reusable topology {} ({}), unused since {}", instance.getValue().get(0).getLabels().get(Labels.TOPOLOGY_NAME),
                        instance.getKey().substring(0, 12), lastUse);
                removed += remove(client, instance.getKey());
            }
        }
        return removed;
    }

    private static int remove(DockerClient client, String hash) {
        int removed = 0;
        for (Container container : client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.REUSE_HASH, hash)).exec()) {
            removed += DockerRemoval.container(client, container.getId()) ? 1 : 0;
        }
        for (Network network : client.listNetworksCmd().withFilter("label", List.of(Labels.REUSE_HASH + "=" + hash)).exec()) {
            removed += DockerRemoval.network(client, network.getId()) ? 1 : 0;
        }
        return removed;
    }

    private static boolean isYoung(List<Container> containers) {
        long newest = containers.stream().mapToLong(Container::getCreated).max().orElse(0);
        return Instant.ofEpochSecond(newest).plus(YOUNG).isAfter(Instant.now());
    }

    private static boolean causedByNameConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConflictException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a reusable topology", e);
        }
    }
}
