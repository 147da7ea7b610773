package dev.flotilla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>No JVM removes an instance that a live JVM of this machine holds ({@link ReuseHolds}): when
 * a run finds an instance broken (a test of its holder stopped a service) it leaves it to its
 * holder and starts an instance of its own, for this run only.
 */
final class ReusableTopologies {

    private static final Logger LOG = LoggerFactory.getLogger(ReusableTopologies.class);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private ReusableTopologies() {
    }

    static RunningTopology startOrAttach(TopologySpec spec, DockerEngine docker, PullPolicy policy) {
        // Prepared once, up front: a Java application's classes are not in the model, so its image
        // tag (a hash of them) joins the model's hash.
        PreparedImages appImages = TopologyEngine.prepareImages(docker, spec, policy);
        String hash = ModelHash.of(spec, appImages.builtImages());
        WatchdogLauncher.awaitExpiredSwept();
        Instant giveUp = Instant.now().plus(PATIENCE);
        // Held from the first look on, so that no JVM removes the instance while this one looks at
        // it or attaches to it. A started or attached instance keeps the hold until it is closed.
        ReuseLedger.hold(hash);
        boolean holding = true;
        try {
            while (true) {
                FoundInstance found = FoundInstance.look(docker.client(), spec, hash);
                if (found.isAbsent()) {
                    try {
                        StartedTopology started = TopologyEngine.startInstance(StartedTopology.reusable(spec, docker, hash), appImages);
                        holding = false;
                        return started;
                    } catch (RuntimeException e) {
                        if (!causedByNameConflict(e) || Instant.now().isAfter(giveUp)) {
                            throw e;
                        }
                        LOG.info("Another JVM is starting reusable topology {} right now; waiting to attach", spec.name());
                        sleep();
                        continue;
                    }
                }
                List<String> problems = found.problems();
                if (problems.isEmpty()) {
                    Optional<StartedTopology> attached = attach(spec, docker, hash, found.byReplica());
                    if (attached.isPresent()) {
                        holding = false;
                        return attached.get();
                    }
                    problems = List.of("a service is not ready, or its network is gone");
                } else if (found.isProbablyStarting() && Instant.now().isBefore(giveUp)) {
                    sleep(); // probably another JVM starting it right now
                    continue;
                }
                ReuseLedger.release(hash);
                holding = false;
                Optional<ReuseHolds.Removal> removal = ReuseHolds.tryRemoval(hash);
                if (removal.isEmpty()) {
                    return startForThisRunOnly(spec, docker, appImages, hash, problems);
                }
                LOG.info("Reusable topology {} is not whole ({}) and no one holds it: removing it to start afresh",
                        spec.name(), String.join(", ", problems));
                try {
                    remove(docker.client(), hash);
                } finally {
                    removal.get().close();
                }
                ReuseLedger.hold(hash);
                holding = true;
            }
        } finally {
            if (holding) {
                ReuseLedger.release(hash);
            }
        }
    }

    /**
     * A broken instance that another JVM holds stays as its holder left it, whatever its holder's
     * tests do with it; its names derive from the hash, so a second reusable instance cannot exist
     * beside it. This run gets an instance of its own instead, with this session's labels.
     */
    private static StartedTopology startForThisRunOnly(TopologySpec spec, DockerEngine docker, PreparedImages appImages,
                                                       String hash, List<String> problems) {
        String instanceId = UUID.randomUUID().toString().substring(0, 8);
        LOG.warn("Reusable topology {} ({}) is not whole ({}), but a live JVM of this machine, or another test of this JVM, holds it:"
                        + " it is left as it is, and this run is starting an instance for this run only ({}), removed when it closes."
                        + " Once no one holds the broken instance, a later run removes it and starts a reusable one afresh.",
                spec.name(), hash.substring(0, 12), String.join(", ", problems), instanceId);
        return TopologyEngine.startInstance(StartedTopology.forThisRun(spec, docker, instanceId), appImages);
    }

    /** Takes over a whole instance if every service is ready; the caller's hold becomes the instance's. */
    private static Optional<StartedTopology> attach(TopologySpec spec, DockerEngine docker, String hash, Map<String, Container> byReplica) {
        StartedTopology topology = StartedTopology.reusable(spec, docker, hash);
        Optional<Network> network = docker.client().listNetworksCmd().withFilter("label", List.of(Labels.REUSE_HASH + "=" + hash))
                .exec().stream().filter(n -> n.getName().equals(topology.networkName())).findFirst();
        if (network.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> ids = new HashMap<>();
        byReplica.forEach((replica, container) -> ids.put(replica, container.getId()));
        topology.attach(network.get().getId(), ids);
        // Every replica was ready when the instance was kept: each is asked again, all at once, since
        // nothing starts here that would have to wait for another (an attach costs one round of checks).
        List<ServiceSpec> order = DependencyGraph.startOrder(spec);
        Map<ServiceContainer, CompletableFuture<Optional<String>>> checks = new LinkedHashMap<>();
        for (ServiceSpec service : order) {
            for (ServiceContainer replica : topology.containers(service.name())) {
                checks.put(replica, CompletableFuture.supplyAsync(() -> {
                    try {
                        replica.awaitReady(() -> false, false);
                        return Optional.<String>empty();
                    } catch (ReadinessFailure failure) {
                        return Optional.of(failure.getMessage());
                    }
                }, EngineThreads.EXECUTOR));
            }
        }
        boolean allReady = true;
        for (Map.Entry<ServiceContainer, CompletableFuture<Optional<String>>> check : checks.entrySet()) {
            Optional<String> notReady = check.getValue().join();
            if (notReady.isPresent()) {
                LOG.info("Reusable service {} is not ready: {}", check.getKey().name(), notReady.get());
                allReady = false;
            }
        }
        if (!allReady) {
            checks.keySet().forEach(replica -> replica.log().close());
            return Optional.empty();
        }
        order.forEach(service -> topology.markReady(service.name()));
        LiveTopologies.remember(topology);
        RunReport.get().add(topology.record());
        topology.record().markReady();
        LOG.info("Reusing topology {} ({}), kept by an earlier run", spec.name(), topology.instanceId());
        return Optional.of(topology);
    }

    /**
     * Removes reusable instances unused for longer than {@code timeToLive}: last use as recorded
     * on this machine, or creation when there is no record. Instances that a live JVM of this
     * machine holds, this one included, are never old.
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
                String name = instance.getValue().get(0).getLabels().get(Labels.TOPOLOGY_NAME);
                Optional<ReuseHolds.Removal> removal = ReuseHolds.tryRemoval(instance.getKey());
                if (removal.isEmpty()) {
                    LOG.debug("Reusable topology {} ({}) looks unused since {}, but a live JVM holds it: kept", name,
                            instance.getKey().substring(0, 12), lastUse);
                    continue;
                }
                LOG.info("Removing reusable topology {} ({}), unused since {}", name, instance.getKey().substring(0, 12), lastUse);
                try {
                    removed += remove(client, instance.getKey());
                } finally {
                    removal.get().close();
                }
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
        removed += TopologyVolumes.removeLabelled(client, Labels.REUSE_HASH + "=" + hash, labels -> true);
        return removed;
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
