package dev.flotilla.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.flotilla.FlotillaException;
import dev.flotilla.model.ReplicaChecks;
import dev.flotilla.model.ServiceSpec;

/**
 * Scales a service of a running topology: new replicas are registered with the topology before
 * they start (so teardown removes them however far they got) and started through
 * {@link ServiceStart}, in parallel, each awaited until ready; surplus ones, the highest-indexed
 * first, are stopped and removed. A scale-up that fails removes every replica it added, so the
 * service is left with as many as before.
 */
final class ServiceScaling {

    /** As long as {@code stop()} gives a container: a replica scaled away may finish what it was doing. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private ServiceScaling() {
    }

    /**
     * Scales {@code service} of {@code topology} to {@code count} replicas.
     *
     * @throws dev.flotilla.FlotillaConfigurationException if the service cannot run that many
     * @throws dev.flotilla.ServiceStartException if a new replica cannot start or does not become ready
     */
    static void scale(StartedTopology topology, String service, int count) {
        ServiceSpec spec = topology.spec().service(service).orElseThrow();
        ReplicaChecks.checkScale(topology.spec(), spec, count);
        List<TopologyServiceHandle> replicas = topology.replicaHandles(service);
        // One scale of a service at a time: indexes follow the list's size.
        synchronized (replicas) {
            if (count > replicas.size()) {
                up(topology, spec, replicas, count);
            } else if (count < replicas.size()) {
                down(topology, replicas, count);
            }
        }
    }

    private static void up(StartedTopology topology, ServiceSpec spec, List<TopologyServiceHandle> replicas, int count) {
        String image = replicas.get(0).container().image();
        List<TopologyServiceHandle> added = new ArrayList<>();
        for (int index = replicas.size() + 1; index <= count; index++) {
            TopologyServiceHandle replica = topology.newReplica(spec, index);
            if (!image.equals(spec.image())) {
                replica.container().runImage(image); // the image built for a Java application or a Dockerfile
            }
            replicas.add(replica);
            added.add(replica);
        }
        RuntimeException failure = startInParallel(topology, added.stream().map(TopologyServiceHandle::container).toList());
        if (failure == null) {
            return;
        }
        if (failure instanceof ServiceStart.Aborted) {
            failure = new FlotillaException("Scaling service \"" + spec.name() + "\" to " + count + " replicas was interrupted;"
                    + " the replicas it had added were removed.");
        }
        remove(topology, replicas, added, failure);
        throw failure;
    }

    /**
     * Starts {@code containers} through {@link ServiceStart}, in parallel, the first failure calling
     * off the others; returns that failure ({@link ServiceStart.Aborted} if the caller was interrupted), or null.
     */
    static RuntimeException startInParallel(StartedTopology topology, List<ServiceContainer> containers) {
        Thread caller = Thread.currentThread();
        AtomicBoolean failed = new AtomicBoolean();
        List<CompletableFuture<Void>> starts = containers.stream()
                .map(container -> CompletableFuture.runAsync(
                        () -> ServiceStart.run(topology, container, () -> failed.get() || caller.isInterrupted()),
                        EngineThreads.EXECUTOR).whenComplete((ok, failure) -> {
                            if (failure != null) {
                                failed.set(true); // calls off the other starts
                            }
                        }))
                .toList();
        RuntimeException failure = null;
        for (CompletableFuture<Void> start : starts) {
            try {
                start.join();
            } catch (CompletionException e) {
                // The first failure that is not a start called off because of another one.
                if (failure == null || failure instanceof ServiceStart.Aborted) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                }
            }
        }
        return failure;
    }

    private static void down(StartedTopology topology, List<TopologyServiceHandle> replicas, int count) {
        List<TopologyServiceHandle> surplus = new ArrayList<>(replicas.subList(count, replicas.size()));
        FlotillaException failure = new FlotillaException("Could not remove every replica of service \""
                + replicas.get(0).name() + "\" above " + count + "; the ones left stay until the topology is removed");
        remove(topology, replicas, surplus, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /**
     * Stops and removes {@code gone}, in parallel, and takes each from {@code replicas} once its
     * container is removed; one that could not be removed stays registered, for teardown to try again.
     * Failures are added to {@code failure}.
     */
    private static void remove(StartedTopology topology, List<TopologyServiceHandle> replicas, List<TopologyServiceHandle> gone,
                               RuntimeException failure) {
        List<CompletableFuture<TopologyServiceHandle>> removals = gone.stream()
                .map(replica -> CompletableFuture.supplyAsync(() -> {
                    if (replica.container().isRunning()) {
                        replica.container().stop(STOP_GRACE);
                    }
                    StartedTopology.removeRecorded(replica.container());
                    return replica;
                }, EngineThreads.EXECUTOR))
                .toList();
        for (CompletableFuture<TopologyServiceHandle> removal : removals) {
            try {
                TopologyServiceHandle removed = removal.join();
                topology.faults().removed(removed);
                replicas.remove(removed);
            } catch (CompletionException e) {
                failure.addSuppressed(e.getCause());
            }
        }
    }
}
