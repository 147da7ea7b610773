package dev.flotilla.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.flotilla.FlotillaException;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceHandle;
import dev.flotilla.TopologyNetwork;
import dev.flotilla.model.NearestName;
import dev.flotilla.model.ReplicaNames;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topology instance: its network and its containers, each registered before it is started,
 * so that {@link #discard()} removes whatever exists, however far the start got. Closing an
 * instance of this run discards it; closing a reusable instance only lets go of it, for a later
 * run to attach to.
 */
final class StartedTopology implements RunningTopology {

    private static final Logger LOG = LoggerFactory.getLogger(StartedTopology.class);

    private final TopologySpec spec;
    private final DockerEngine docker;
    private final String instanceId;
    /** Its networks' and volumes' names; the default network's is known once it is created or taken from the pool. */
    private volatile InstanceNames names;
    /** Whether the default network came from the engine's {@link NetworkPool}, and goes back there. */
    private volatile boolean networkPooled;
    private final String containerNamePrefix;
    /** Each service's replicas in index order, replica 1 first; a list changes only when the service is scaled. */
    private final Map<String, List<TopologyServiceHandle>> replicas = new LinkedHashMap<>();
    private final List<String> readyOrder = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, String> labels;
    private final Optional<String> reuseHash;
    private volatile String networkId;
    private final InstanceRecord record;
    private final TopologyFaults faults = new TopologyFaults(this);
    /** The snapshot image of each service that has one: restored from, or taken in this start. */
    private final Map<String, String> snapshotImages = new ConcurrentHashMap<>();

    /** An instance of this run only, removed when closed. */
    static StartedTopology forThisRun(TopologySpec spec, DockerEngine docker, String instanceId) {
        return new StartedTopology(spec, docker, instanceId, Labels.forTopology(spec.name(), instanceId), Optional.empty());
    }

    /** A reusable instance, kept when closed; its names derive from the model's hash, so only one can exist. */
    static StartedTopology reusable(TopologySpec spec, DockerEngine docker, String hash) {
        String instanceId = hash.substring(0, 12);
        return new StartedTopology(spec, docker, instanceId, Labels.forReusable(spec.name(), instanceId, hash), Optional.of(hash));
    }

    private StartedTopology(TopologySpec spec, DockerEngine docker, String instanceId, Map<String, String> labels, Optional<String> reuseHash) {
        this.spec = spec;
        this.docker = docker;
        this.instanceId = instanceId;
        this.labels = labels;
        this.reuseHash = reuseHash;
        this.containerNamePrefix = "flotilla-" + dockerName(spec.name());
        this.names = InstanceNames.of(containerNamePrefix + "-" + instanceId);
        this.record = RunReport.get().newRecord(spec, instanceId);
        for (ServiceSpec service : spec.services()) {
            List<TopologyServiceHandle> handles = new CopyOnWriteArrayList<>();
            for (int index = 1; index <= service.replicas(); index++) {
                handles.add(newReplica(service, index));
            }
            replicas.put(service.name(), handles);
        }
    }

    /** A handle on replica {@code index} of {@code service}, its container not created yet. */
    TopologyServiceHandle newReplica(ServiceSpec service, int index) {
        String containerName = containerNamePrefix + "-" + dockerName(ReplicaNames.of(service.name(), index)) + "-" + instanceId;
        ServiceContainer container = new ServiceContainer(docker, service, index, containerName, record.replica(service.name(), index));
        return new TopologyServiceHandle(this, container);
    }

    private static String dockerName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }

    TopologySpec spec() {
        return spec;
    }

    /** The engine this instance runs on. */
    DockerEngine docker() {
        return docker;
    }

    /** Remembers that {@code service} has the snapshot image {@code image}, for a reset. */
    void snapshotImage(String service, String image) {
        snapshotImages.put(service, image);
    }

    /** The snapshot image of {@code service}, if it has one. */
    Optional<String> snapshotImage(String service) {
        return Optional.ofNullable(snapshotImages.get(service));
    }

    /** What happens to this instance, for the run report. */
    InstanceRecord record() {
        return record;
    }

    /** The model hash of a reusable instance; empty for an instance of this run. */
    Optional<String> reuseHash() {
        return reuseHash;
    }

    Map<String, String> labels() {
        return labels;
    }

    /** Takes over a running reusable instance: its network and one running container per replica, by replica name. */
    void attach(String existingNetworkId, Map<String, String> containerIds) {
        this.networkId = existingNetworkId;
        allContainers().forEach(container -> container.attach(containerIds.get(container.replicaName())));
    }

    /** The container of a service's replica 1: the one its own handle addresses. */
    ServiceContainer container(String name) {
        return replicas.get(name).get(0).container();
    }

    /** The containers of every replica of a service, in index order. */
    List<ServiceContainer> containers(String name) {
        return replicas.get(name).stream().map(TopologyServiceHandle::container).toList();
    }

    /** The handles of every replica of a service, in index order; the list that scaling changes. */
    List<TopologyServiceHandle> replicaHandles(String name) {
        return replicas.get(name);
    }

    private List<ServiceContainer> allContainers() {
        return replicas.keySet().stream().flatMap(name -> containers(name).stream()).toList();
    }

    /**
     * Creates the instance's networks and its named volumes; the default network of an instance of
     * this run is taken from the engine's {@link NetworkPool} where it is in use.
     */
    void createNetwork() {
        if (reuseHash.isEmpty() && docker.networks().inUse()) {
            names = names.onNetwork(docker.networks().take());
            networkPooled = true;
            networkId = names.defaultNetwork();
        } else {
            networkId = docker.client().createNetworkCmd()
                    .withName(names.defaultNetwork())
                    .withDriver("bridge")
                    .withLabels(labels())
                    .exec()
                    .getId();
        }
        for (String network : TopologyNetworks.extra(spec)) {
            docker.client().createNetworkCmd().withName(names.network(network))
                    .withDriver("bridge").withLabels(labels()).exec();
        }
        TopologyVolumes.create(docker.client(), spec, names, labels());
    }

    /** The Docker names of this instance's networks and volumes. */
    InstanceNames names() {
        return names;
    }

    /**
     * The {@code /etc/hosts} entries ({@code name:address}) of {@code serviceName}'s container: its
     * names for servers it reaches through a fault proxy, resolved to the proxy, which started before it.
     */
    List<String> extraHostsFor(String serviceName) {
        List<String> hosts = new ArrayList<>();
        FaultProxies.redirectedNames(spec, serviceName)
                .forEach((name, proxy) -> hosts.add(name + ":" + container(proxy).ipAddress(names.defaultNetwork())));
        return hosts;
    }

    /** The faults of this instance, for its handles to record what they disturb. */
    TopologyFaults faults() {
        return faults;
    }

    @Override
    public TopologyNetwork network() {
        return faults;
    }

    @Override
    public void heal() {
        faults.healEverything();
    }

    /** Records a service as ready; a service started again keeps its place. */
    void markReady(String serviceName) {
        synchronized (readyOrder) {
            if (!readyOrder.contains(serviceName)) {
                readyOrder.add(serviceName);
            }
        }
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public String networkName() {
        return names.defaultNetwork();
    }

    /** The services declared, in start order: not the fault proxies Flotilla placed. */
    @Override
    public List<String> serviceNames() {
        synchronized (readyOrder) {
            return readyOrder.stream().filter(this::declared).toList();
        }
    }

    @Override
    public ServiceHandle service(String name) {
        List<TopologyServiceHandle> handles = replicas.get(name);
        if (handles == null) {
            List<String> declared = replicas.keySet().stream().filter(this::declared).toList();
            throw new IllegalArgumentException("Topology \"" + spec.name() + "\" has no service \"" + name + "\"; its services are "
                    + declared + ". Fix: " + NearestName.fix(name, declared, "name one of them."));
        }
        return handles.get(0);
    }

    /** Whether a service of this instance was declared, rather than placed by Flotilla as a link's fault proxy. */
    private boolean declared(String serviceName) {
        return spec.service(serviceName).map(service -> !FaultProxies.isProxy(service)).orElse(true);
    }

    /** Removes an instance of this run; lets go of a reusable one, which stays for later runs. */
    @Override
    public void close() {
        if (reuseHash.isPresent()) {
            if (closed.compareAndSet(false, true)) {
                LiveTopologies.forget(this);
                allContainers().forEach(c -> c.log().close());
                ReuseLedger.release(reuseHash.get());
                LOG.info("Keeping topology {} ({}) for later runs", spec.name(), instanceId);
            }
            return;
        }
        discard();
    }

    /**
     * Removes the containers, dependents before their dependencies and in parallel where the graph
     * allows, then the network. An interrupt of the calling thread (a test's timeout, an interrupted
     * start) does not cut the removal short; it is kept for the caller.
     */
    void discard() {
        if (!closed.compareAndSet(false, true) && reuseHash.isEmpty()) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            removeEverything();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void removeEverything() {
        LiveTopologies.forget(this);
        long start = System.nanoTime();
        List<ServiceSpec> order = new ArrayList<>(DependencyGraph.startOrder(spec));
        Collections.reverse(order);
        Map<String, CompletableFuture<Void>> removals = new LinkedHashMap<>();
        for (ServiceSpec service : order) {
            CompletableFuture<?>[] dependentsGone = DependencyGraph.dependents(spec, service.name()).stream()
                    .map(removals::get)
                    .map(f -> f.handle((ok, failure) -> null))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture<Void> dependentsRemoved = CompletableFuture.allOf(dependentsGone);
            removals.put(service.name(), CompletableFuture.allOf(containers(service.name()).stream()
                    .map(container -> dependentsRemoved.thenRunAsync(() -> removeRecorded(container), EngineThreads.EXECUTOR))
                    .toArray(CompletableFuture[]::new)));
        }
        List<Throwable> failures = new ArrayList<>();
        removals.forEach((name, removal) -> {
            try {
                removal.join();
            } catch (CompletionException e) {
                failures.add(new FlotillaException("Could not remove the container of service \"" + name + "\": " + e.getCause().getMessage(), e.getCause()));
            }
        });
        boolean containersLeft = !failures.isEmpty();
        List<String> networksLeft = removeNetworks(failures);
        List<RuntimeException> volumeFailures = TopologyVolumes.remove(docker.client(), spec, names);
        volumeFailures.forEach(e -> failures.add(
                new FlotillaException("Could not remove a volume of topology \"" + spec.name() + "\": " + e.getMessage(), e)));
        LOG.debug("Removed topology {} ({}) in {} ms", spec.name(), instanceId, (System.nanoTime() - start) / 1_000_000);
        record.markRemoved();
        RunReport.get().writeIndex();
        if (!failures.isEmpty()) {
            FlotillaException failure = new FlotillaException("Could not remove everything of topology \"" + spec.name()
                    + "\" (instance " + instanceId + "); remove what is left with: "
                    + LeftoverCommands.of(instanceId, containersLeft, networksLeft, !volumeFailures.isEmpty()), failures.get(0));
            failures.subList(1, failures.size()).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Removes one container, timed as its replica's "remove" step for the run report. */
    static void removeRecorded(ServiceContainer container) {
        if (!container.created()) {
            container.remove();
            return;
        }
        Instant began = Instant.now();
        try {
            container.remove();
            container.record().phase("remove", began, Phase.OK);
        } catch (RuntimeException | Error e) {
            container.record().phase("remove", began, "failed: " + e.getMessage());
            throw e;
        }
    }

    /**
     * Removes the declared networks and hands the default one back to the pool (or removes it). Each
     * failure goes into {@code failures}, naming its network; returns the names of those left.
     */
    private List<String> removeNetworks(List<Throwable> failures) {
        List<String> left = new ArrayList<>();
        if (networkId == null) {
            return left;
        }
        for (String network : TopologyNetworks.extra(spec)) {
            String name = names.network(network);
            removeNetwork(name, () -> DockerRemoval.networkOnceLeft(docker.client(), name), failures, left);
        }
        String name = names.defaultNetwork();
        removeNetwork(name, networkPooled ? () -> docker.networks().giveBack(name)
                : () -> DockerRemoval.networkOnceLeft(docker.client(), networkId), failures, left);
        return left;
    }

    private static void removeNetwork(String name, Runnable removal, List<Throwable> failures, List<String> left) {
        try {
            removal.run();
        } catch (RuntimeException e) {
            failures.add(new FlotillaException("Could not remove network " + name + ": " + e.getMessage(), e));
            left.add(name);
        }
    }

    @Override
    public String toString() {
        return "RunningTopology[" + spec.name() + ", instance " + instanceId + ", services " + replicas.keySet() + "]";
    }
}
