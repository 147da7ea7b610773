package dev.flotilla.engine;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.github.dockerjava.api.exception.DockerException;
import dev.flotilla.PullPolicy;
import dev.flotilla.RunningTopology;
import dev.flotilla.ServiceStartException;
import dev.flotilla.model.FixedPort;
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

    private TopologyEngine() {
    }

    /**
     * Starts every service of {@code spec} and returns once all are ready.
     *
     * @throws ServiceStartException if a service cannot be started or does not become ready; nothing is left behind
     * @throws dev.flotilla.DockerUnavailableException if no Docker engine answers
     */
    public static RunningTopology start(TopologySpec spec) {
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
        Map<String, String> appImages = prepareImages(docker, spec, policy);
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        return startInstance(StartedTopology.forThisRun(spec, docker, HexFormat.of().formatHex(id)), appImages);
    }

    /**
     * Makes every image of the topology available: pulls what the policy asks for, then reuses or
     * builds the images of Java application services.
     *
     * @return the image each Java application service runs, by service name
     */
    static Map<String, String> prepareImages(DockerEngine docker, TopologySpec spec, PullPolicy policy) {
        ImagePuller.pullAll(docker, spec, policy);
        return JavaAppImages.ensureAll(docker, spec);
    }

    /** Creates the network and starts every service of a new instance; on failure removes all of it. */
    static StartedTopology startInstance(StartedTopology topology, Map<String, String> appImages) {
        long started = System.nanoTime();
        appImages.forEach((service, image) -> topology.container(service).runImage(image));
        LiveTopologies.remember(topology);
        try {
            topology.createNetwork();
            startServices(topology);
        } catch (RuntimeException | Error failure) {
            try {
                topology.discard();
            } catch (RuntimeException discardFailure) {
                failure.addSuppressed(discardFailure);
            }
            throw failure;
        }
        LOG.info("Topology {} ({}) ready in {} ms: {}", topology.name(), topology.instanceId(),
                (System.nanoTime() - started) / 1_000_000, topology.serviceNames());
        return topology;
    }

    private static void startServices(StartedTopology topology) {
        AtomicBoolean aborted = new AtomicBoolean();
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        for (ServiceSpec service : DependencyGraph.startOrder(topology.spec())) {
            CompletableFuture<?>[] dependencies = service.dependsOn().stream().map(ready::get).toArray(CompletableFuture[]::new);
            // The stage returned by whenComplete completes only after the failure is recorded, so waiting on it suffices.
            CompletableFuture<Void> start = CompletableFuture.allOf(dependencies)
                    .thenRunAsync(() -> startService(topology, topology.container(service.name()), aborted), EngineThreads.EXECUTOR)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                            if (!(cause instanceof AbortedStart) && cause instanceof RuntimeException runtime) {
                                firstFailure.compareAndSet(null, runtime);
                            }
                            aborted.set(true);
                        }
                    });
            ready.put(service.name(), start);
        }
        CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)).handle((ok, failure) -> null).join();
        RuntimeException failure = firstFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    private static void startService(StartedTopology topology, ServiceContainer container, AtomicBoolean aborted) {
        if (aborted.get()) {
            throw new AbortedStart();
        }
        ServiceSpec spec = container.spec();
        FixedPort taken = HostPorts.engineIsLocal(container.docker()) ? HostPorts.firstTaken(spec) : null;
        if (taken != null) {
            throw new ServiceStartException(container.name(), FailureReport.of(container, HostPorts.inUseMessage(spec,
                    "host port " + taken.hostPort() + " on " + spec.bindAddress() + " is already in use")).message(), null);
        }
        try {
            container.create(topology.networkName(), topology.labels());
            container.copyFiles();
            container.startContainer();
        } catch (DockerException e) {
            throw new ServiceStartException(container.name(), FailureReport.of(container, explain(container.spec(), e)).message(), e);
        } catch (RuntimeException e) {
            throw new ServiceStartException(container.name(),
                    FailureReport.of(container, "could not be started: " + e.getMessage()).message(), e);
        }
        try {
            container.awaitReady(aborted::get);
        } catch (ReadinessFailure failure) {
            if (failure.reason() == ReadinessFailure.Reason.ABORTED) {
                throw new AbortedStart();
            }
            throw new ServiceStartException(container.name(), FailureReport.of(container, failure).message(), failure);
        }
        topology.markReady(container.name());
    }

    /** Turns the engine's words into what the user should do. */
    private static String explain(ServiceSpec spec, DockerException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("port is already allocated") || message.contains("address already in use")) {
            return HostPorts.inUseMessage(spec, "a host port on " + spec.bindAddress() + " is already in use")
                    + " Docker said: " + message.strip();
        }
        return "could not be started: Docker said: " + message.strip();
    }

    /** A start called off because another service failed first; never reported on its own. */
    private static final class AbortedStart extends RuntimeException {
        AbortedStart() {
            super("start called off: another service failed", null, false, false);
        }
    }
}
