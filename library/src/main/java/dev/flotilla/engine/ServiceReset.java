package dev.flotilla.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.flotilla.FlotillaException;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.VolumeMount;

/**
 * Puts a service back to the prepared state its snapshot holds, without preparing it again:
 * each replica's container is killed and set aside (removed, with its volumes, while the new one
 * starts), the service's named volumes are made anew (empty, so that Docker fills them from the
 * image), and a new container is started from the snapshot image on the same host ports and
 * names, through {@link ServiceStart}. What
 * depends on the service keeps running; its connections to the old containers break.
 */
final class ServiceReset {

    private ServiceReset() {
    }

    /**
     * Resets {@code service} of {@code topology} to its snapshot.
     *
     * @throws IllegalStateException if the service has no snapshot
     * @throws FlotillaException if it shares a named volume with another service (a reset would empty it for both)
     * @throws dev.flotilla.ServiceStartException if a new container cannot start or does not become ready
     */
    static void reset(StartedTopology topology, String service) {
        String image = topology.snapshotImage(service).orElseThrow(() -> new IllegalStateException("Cannot reset service \"" + service
                + "\": it has no snapshot to go back to. Fix: mark it snapshot = true (@Service(snapshot = true) or .snapshot()),"
                + " and keep the setting " + FlotillaSettings.SNAPSHOTS + " on."));
        ServiceSpec spec = topology.spec().service(service).orElseThrow();
        List<String> volumes = spec.mounts().stream().filter(VolumeMount::isNamedVolume).map(VolumeMount::source).distinct().toList();
        for (ServiceSpec other : topology.spec().services()) {
            other.mounts().stream().filter(m -> m.isNamedVolume() && volumes.contains(m.source()) && !other.name().equals(service))
                    .findFirst().ifPresent(shared -> {
                        throw new FlotillaException("Cannot reset service \"" + service + "\": it shares volume \"" + shared.source()
                                + "\" with service \"" + other.name() + "\", and a reset would empty it for both."
                                + " Fix: give each service its own volume.");
                    });
        }
        List<TopologyServiceHandle> replicas = topology.replicaHandles(service);
        // One reset or scale of a service at a time.
        synchronized (replicas) {
            Instant began = Instant.now();
            List<String> setAside = new ArrayList<>();
            for (TopologyServiceHandle replica : replicas) {
                topology.faults().stopped(replica, true);
                setAside.add(replica.container().setAsideKeepingPorts());
                replica.container().runImage(image);
            }
            var client = topology.docker().client();
            // The old containers go while the new ones start, unless a volume of theirs must be emptied first.
            CompletableFuture<Void> removed = CompletableFuture.runAsync(
                    () -> setAside.forEach(id -> DockerRemoval.container(client, id)), EngineThreads.EXECUTOR);
            if (!volumes.isEmpty()) {
                removed.join();
            }
            for (String volume : volumes) {
                String name = topology.names().volume(volume);
                DockerRemoval.volume(client, name);
                TopologyVolumes.createOne(client, name, topology.labels());
            }
            RuntimeException failure = ServiceScaling.startInParallel(topology, replicas.stream().map(TopologyServiceHandle::container).toList());
            // Nothing of the old containers outlives the reset, whatever became of the new ones.
            removed.join();
            if (failure instanceof ServiceStart.Aborted) {
                throw new FlotillaException("The reset of service \"" + service + "\" was interrupted; its containers stay as they are.");
            }
            if (failure != null) {
                throw failure;
            }
            replicas.forEach(replica -> topology.faults().stopped(replica, false));
            replicas.get(0).container().record().phase("reset from snapshot " + image, began, Phase.OK);
        }
    }
}
