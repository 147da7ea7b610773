package dev.flotilla.engine;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import dev.flotilla.PullPolicy;
import dev.flotilla.RunningTopology;
import dev.flotilla.FlotillaException;
import dev.flotilla.ServiceStartException;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a validated {@link TopologySpec}: pulls its images up front, creates its network, then
 * starts each service as soon as its dependencies are ready, so services with no path between
 * them start in parallel. The first failure calls off every start still under way, removes
 * everything created so far, and is thrown with a report of the failed service.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TopologyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyEngine.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CALLED_OFF_PATIENCE = Duration.ofSeconds(30);

    private TopologyEngine() {
    }

    /**
     * Starts every service of {@code declared} (and the fault proxies of its proxied links) and returns once all are ready.
     *
     * @throws ServiceStartException if a service cannot be started or does not become ready; nothing is left behind
     * @throws dev.flotilla.DockerUnavailableException if no Docker engine answers
     */
    public static RunningTopology start(TopologySpec declared) {
        TopologySpec spec = FaultProxies.place(declared);
        DockerEngine docker = DockerEngine.get();
        WatchdogLauncher.ensureStarted(docker);
        PullPolicy policy = spec.pullPolicy() == PullPolicy.DEFAULT ? FlotillaSettings.get().pullPolicy() : spec.pullPolicy();
        if (spec.reuse()) {
            if (FlotillaSettings.get().reuseEnabled()) {
                return ReusableTopologies.startOrAttach(spec, docker, policy);
            }
            LOG.info("Topology {} allows reuse, but {} is not true: its instance lives for this run only",
                    spec.name(), FlotillaSettings.REUSE_ENABLED);
        }
        PreparedImages appImages = prepareImages(docker, spec, policy);
        Snapshots.Plan snapshots = Snapshots.plan(docker, spec, appImages.builtImages());
        Map<String, String> images = new LinkedHashMap<>(appImages.builtImages());
        images.putAll(snapshots.restored());
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        // The jobs a snapshot made unneeded are not in the topology started: nor are their images' steps.
        Map<String, List<Phase>> steps = new LinkedHashMap<>(appImages.steps());
        steps.keySet().retainAll(snapshots.spec().services().stream().map(ServiceSpec::name).toList());
        StartedTopology topology = StartedTopology.forThisRun(snapshots.spec(), docker, HexFormat.of().formatHex(id));
        snapshots.restored().forEach(topology::snapshotImage);
        return startInstance(topology, new PreparedImages(images, steps), snapshots.toTake());
    }

    /**
     * Makes every image of the topology available: pulls what the policy asks for, then reuses or
     * builds the images of Java application services.
     */
    static PreparedImages prepareImages(DockerEngine docker, TopologySpec spec, PullPolicy policy) {
        // Dockerfile builds pull their own bases: they run while the other images are pulled.
        Instant dockerfileBuildsBegan = Instant.now();
        CompletableFuture<Map<String, String>> dockerfileBuilds = spec.services().stream().anyMatch(s -> s.build().isPresent())
                ? CompletableFuture.supplyAsync(() -> DockerfileImages.ensureAll(docker, spec), EngineThreads.EXECUTOR)
                : CompletableFuture.completedFuture(Map.of());
        // A build under way when a pull or a Java application's build fails runs to its end: its image stays cached.
        Map<String, Phase> pulls = ImagePuller.pullAll(docker, spec, policy);
        Instant buildsBegan = Instant.now();
        Map<String, String> built = new LinkedHashMap<>(JavaAppImages.ensureAll(docker, spec));
        Instant buildsEnded = Instant.now();
        Map<String, String> fromDockerfiles = joinBuilds(dockerfileBuilds);
        Instant dockerfileBuildsEnded = Instant.now();
        built.putAll(fromDockerfiles);
        Map<String, List<Phase>> steps = new LinkedHashMap<>();
        for (ServiceSpec service : spec.services()) {
            List<Phase> serviceSteps = new ArrayList<>();
            Optional.ofNullable(pulls.get(service.name())).ifPresent(serviceSteps::add);
            if (fromDockerfiles.containsKey(service.name())) {
                serviceSteps.add(new Phase("image " + built.get(service.name()), dockerfileBuildsBegan, dockerfileBuildsEnded, Phase.OK));
            } else if (built.containsKey(service.name())) {
                // Built one after the other, so they share the layers Docker caches: the window is the builds'.
                serviceSteps.add(new Phase("image " + built.get(service.name()), buildsBegan, buildsEnded, Phase.OK));
            }
            steps.put(service.name(), serviceSteps);
        }
        return new PreparedImages(built, steps);
    }

    /** The Dockerfile builds' images; their failure (a {@link ServiceStartException}) as thrown by the build. */
    private static Map<String, String> joinBuilds(CompletableFuture<Map<String, String>> builds) {
        try {
            return builds.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Creates the network and starts every service of a new instance; on failure removes all of it. */
    static StartedTopology startInstance(StartedTopology topology, PreparedImages images) {
        return startInstance(topology, images, Map.of());
    }

    /** Creates the network and starts every service of a new instance, taking {@code snapshots}; on failure removes all of it. */
    static StartedTopology startInstance(StartedTopology topology, PreparedImages images, Map<String, Snapshots.Pending> snapshots) {
        long started = System.nanoTime();
        InstanceRecord record = topology.record();
        RunReport.get().add(record);
        images.steps().forEach((service, steps) -> steps.forEach(step -> record.service(service).add(step)));
        images.builtImages().forEach((service, image) -> topology.containers(service).forEach(c -> c.runImage(image)));
        WatchdogLauncher.maskInCrashLogs(topology.spec().services().stream().flatMap(s -> s.secretValues().stream()).toList());
        LiveTopologies.remember(topology);
        try {
            topology.createNetwork();
            startServices(topology, snapshots);
        } catch (RuntimeException | Error failure) {
            record.markFailed(String.valueOf(failure.getMessage()).lines().findFirst().orElse(""));
            FailureBundle.forFailedStart(topology, failure).ifPresent(failure::addSuppressed);
            try {
                topology.discard();
            } catch (RuntimeException discardFailure) {
                failure.addSuppressed(discardFailure);
            }
            throw failure;
        }
        record.markReady();
        LOG.info("Topology {} ({}) ready in {} ms: {}", topology.name(), topology.instanceId(),
                (System.nanoTime() - started) / 1_000_000, topology.serviceNames());
        return topology;
    }

    /**
     * Starts each service once its dependencies are ready, its replicas in parallel; a service is
     * ready once all of its replicas are. The first failure, of whatever type,
     * calls off the rest; so does an interrupt of the calling thread (JUnit's {@code @Timeout},
     * say), which then waits for the starts under way to stop before the caller removes everything.
     */
    private static void startServices(StartedTopology topology, Map<String, Snapshots.Pending> snapshots) {
        AtomicBoolean aborted = new AtomicBoolean();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        BiConsumer<Object, Throwable> recordFailure = (ok, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (!(cause instanceof ServiceStart.Aborted)) {
                    firstFailure.compareAndSet(null, cause);
                }
                aborted.set(true);
            }
        };
        // Each service's "ready", known before it is scheduled, so that a snapshot can wait for jobs scheduled later.
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        topology.spec().services().forEach(service -> ready.put(service.name(), new CompletableFuture<>()));
        Map<String, CompletableFuture<Void>> snapshotTaken = new LinkedHashMap<>();
        snapshots.forEach((service, pending) -> {
            List<CompletableFuture<Void>> prepared = new ArrayList<>();
            prepared.add(ready.get(service));
            pending.preparers().forEach(job -> prepared.add(ready.get(job)));
            snapshotTaken.put(service, CompletableFuture.allOf(prepared.toArray(CompletableFuture[]::new))
                    .thenRunAsync(() -> Snapshots.take(topology, pending, aborted::get), EngineThreads.EXECUTOR));
            snapshotTaken.get(service).whenComplete(recordFailure);
        });
        List<CompletableFuture<?>> everything = new ArrayList<>();
        boolean early = FlotillaSettings.get().earlyStart();
        for (ServiceSpec service : DependencyGraph.startOrder(topology.spec())) {
            CompletableFuture<Void> dependencies = CompletableFuture.allOf(service.dependsOn().stream()
                    .map(dependency -> awaited(service.name(), dependency, ready, snapshots, snapshotTaken))
                    .toArray(CompletableFuture[]::new));
            // A dependent is created (and started behind its gate) while its dependencies get ready; not one
            // whose snapshot is taken (the gate would be kept in the snapshot), nor one that needs a proxy's address.
            boolean ahead = !service.dependsOn().isEmpty() && service.container().isEmpty()
                    && FaultProxies.redirectedNames(topology.spec(), service.name()).isEmpty();
            boolean gated = early && !snapshots.containsKey(service.name());
            // The stage returned by whenComplete completes only after the failure is recorded, so waiting on it suffices.
            CompletableFuture<?>[] replicas = topology.containers(service.name()).stream()
                    .map(container -> {
                        CompletableFuture<Void> prepared = ahead
                                ? CompletableFuture.runAsync(() -> ServiceStart.createAhead(topology, container, gated, aborted::get),
                                                EngineThreads.EXECUTOR)
                                        .thenRunAsync(() -> ServiceStart.startAhead(topology, container, aborted::get), EngineThreads.EXECUTOR)
                                : CompletableFuture.completedFuture(null);
                        // Waited for whatever happens, so that nothing is created after the topology was removed.
                        everything.add(prepared.whenComplete(recordFailure));
                        return CompletableFuture.allOf(dependencies, prepared)
                                .thenRunAsync(() -> ServiceStart.run(topology, container, aborted::get), EngineThreads.EXECUTOR)
                                .whenComplete(recordFailure);
                    })
                    .toArray(CompletableFuture[]::new);
            CompletableFuture<Void> serviceReady = ready.get(service.name());
            CompletableFuture.allOf(replicas).whenComplete((ok, failure) -> {
                if (failure == null) {
                    serviceReady.complete(null);
                } else {
                    serviceReady.completeExceptionally(failure);
                }
            });
        }
        everything.addAll(ready.values());
        everything.addAll(snapshotTaken.values());
        CompletableFuture<Object> all = CompletableFuture.allOf(everything.toArray(CompletableFuture[]::new)).handle((ok, failure) -> null);
        try {
            all.get();
        } catch (InterruptedException e) {
            aborted.set(true);
            awaitCalledOff(all);
            Thread.currentThread().interrupt();
            throw new FlotillaException("The start of topology \"" + topology.name() + "\" was interrupted (a test timeout?),"
                    + " and everything it had started was removed.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("handle() completes normally", e);
        }
        Throwable failure = firstFailure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            // ServiceStart wraps everything it meets; whatever else got here still fails the start, with its cause.
            throw new FlotillaException("The start of topology \"" + topology.name() + "\" failed: " + failure, failure);
        }
    }

    /**
     * What {@code service} waits for of {@code dependency}: its readiness; or, if the dependency is a
     * service whose snapshot is taken in this start, or one of the jobs that prepare it, the snapshot,
     * so that nothing but its jobs touches it before it is kept. Its jobs wait for its readiness alone.
     */
    private static CompletableFuture<Void> awaited(String service, String dependency, Map<String, CompletableFuture<Void>> ready,
                                                   Map<String, Snapshots.Pending> snapshots, Map<String, CompletableFuture<Void>> snapshotTaken) {
        for (Snapshots.Pending pending : snapshots.values()) {
            boolean preparesIt = pending.preparers().contains(service);
            if (!preparesIt && (dependency.equals(pending.service()) || pending.preparers().contains(dependency))) {
                return snapshotTaken.get(pending.service());
            }
        }
        return ready.get(dependency);
    }

    /** Waits, without giving up on an interrupt, until the starts called off have stopped: they notice within a poll. */
    private static void awaitCalledOff(CompletableFuture<?> all) {
        long deadline = System.nanoTime() + CALLED_OFF_PATIENCE.toNanos();
        boolean interrupted = false;
        while (!all.isDone() && System.nanoTime() < deadline) {
            try {
                all.get(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException e) {
                // not done yet, or done
            }
        }
        if (!all.isDone()) {
            LOG.warn("Starts called off did not stop within {}; removing the topology while they finish", CALLED_OFF_PATIENCE);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
