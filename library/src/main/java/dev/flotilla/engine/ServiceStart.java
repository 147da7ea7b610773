package dev.flotilla.engine;

import java.time.Instant;
import java.util.function.BooleanSupplier;

import com.github.dockerjava.api.exception.DockerException;
import dev.flotilla.ServiceStartException;
import dev.flotilla.model.FixedPort;
import dev.flotilla.model.ServiceSpec;

/**
 * The one way a service is started, whether its topology starts or a test starts it again
 * through its handle: check that its fixed host ports are free, create the container (once)
 * and copy its files in, start it, follow its output and wait until it is ready. Every failure,
 * whatever its type ({@link Error}s too), becomes a {@link ServiceStartException} with the
 * service's failure report.
 */
final class ServiceStart {

    private ServiceStart() {
    }

    /**
     * Starts {@code container} of {@code topology} unless it runs already, and waits until it is ready.
     *
     * @param aborted asked while waiting: true calls the start off (another service failed, or the caller was interrupted)
     * @throws ServiceStartException if the service cannot be started or does not become ready
     * @throws Aborted if the start was called off
     */
    static void run(StartedTopology topology, ServiceContainer container, BooleanSupplier aborted) {
        if (aborted.getAsBoolean()) {
            throw new Aborted();
        }
        boolean letGo = container.held();
        if (letGo) {
            openGate(container);
        } else {
            checkHostPortsFree(container, container.isRunning());
            createAndStart(topology, container, false, true);
        }
        try {
            container.awaitReady(aborted, letGo);
        } catch (ReadinessFailure failure) {
            if (failure.reason() == ReadinessFailure.Reason.ABORTED) {
                throw new Aborted();
            }
            throw new ServiceStartException(container.name(), FailureReport.of(container, failure).message(), failure);
        } catch (RuntimeException | Error e) {
            throw new ServiceStartException(container.name(),
                    FailureReport.of(container, "failed while waiting to be ready: " + describe(e)).message(), e);
        }
        topology.markReady(container.name());
    }

    /**
     * What can be done for {@code container} before its dependencies are ready: create it and copy
     * its files in, behind a {@link StartGate} if {@code early} and its image has what the gate
     * needs ({@link #startAhead} then has Docker start it, and {@link #run} opens the gate).
     *
     * @throws ServiceStartException if the container cannot be created
     * @throws Aborted if the start was called off
     */
    static void createAhead(StartedTopology topology, ServiceContainer container, boolean early, BooleanSupplier aborted) {
        if (aborted.getAsBoolean()) {
            throw new Aborted();
        }
        checkHostPortsFree(container, false);
        boolean gate = early && !Boolean.FALSE.equals(StartGate.knownToFit(container.image()));
        createAndStart(topology, container, gate, false);
        if (container.gated() && !StartGate.fits(container.docker().client(), container.containerId(), container.image())) {
            // Learnt once per image: its containers are created without the gate from now on.
            container.discardForRecreate();
            createAndStart(topology, container, false, false);
        }
    }

    /** Has Docker start a container that {@link #createAhead} created behind a gate; nothing for any other. */
    static void startAhead(StartedTopology topology, ServiceContainer container, BooleanSupplier aborted) {
        if (container.gated() && !aborted.getAsBoolean()) {
            createAndStart(topology, container, true, true);
        }
    }

    private static void openGate(ServiceContainer container) {
        Instant step = Instant.now();
        try {
            container.openGate();
            container.record().phase("run: its dependencies ready, the held process let go", step, Phase.OK);
        } catch (RuntimeException | Error e) {
            container.record().phase("run", step, "failed: " + describe(e));
            throw new ServiceStartException(container.name(),
                    FailureReport.of(container, "could not be started: " + describe(e)).message(), e);
        }
    }

    /**
     * Creates the container unless it exists (behind the gate if {@code gate}) and copies its files
     * in; then, if {@code start}, starts it, in a new container with other host ports if one that
     * Flotilla chose was taken meanwhile.
     */
    private static void createAndStart(StartedTopology topology, ServiceContainer container, boolean gate, boolean start) {
        ServiceRecord record = container.record();
        Instant step = Instant.now();
        String stepName = "create";
        try {
            for (int attempt = 1; ; attempt++) {
                // Not started yet: a container created ahead, whose ports may be taken as a new one's.
                boolean creating = !container.created() || !container.everStarted();
                step = Instant.now();
                stepName = "create";
                if (!container.created()) {
                    container.create(topology.names(), topology.labels(), topology.extraHostsFor(container.name()), gate);
                    container.copyFiles();
                    record.phase(stepName, step, Phase.OK);
                }
                if (!start) {
                    return;
                }
                step = Instant.now();
                stepName = container.gated() ? "start: held until its dependencies are ready" : "start";
                try {
                    container.startContainer();
                    break;
                } catch (DockerException e) {
                    // A host port that Flotilla chose was taken by another process meanwhile: a new
                    // container with new ports, unless it already ran (a restart keeps its ports or fails).
                    if (!creating || container.chosenPorts().isEmpty() || !portInUse(e) || attempt == PORT_ATTEMPTS) {
                        throw e;
                    }
                    record.phase(stepName, step, "host port taken meanwhile, trying other ports: " + e.getMessage().strip());
                    container.discardForRecreate();
                }
            }
            record.phase(stepName, step, Phase.OK);
        } catch (DockerException e) {
            record.phase(stepName, step, "failed: " + e.getMessage());
            throw new ServiceStartException(container.name(), FailureReport.of(container, explain(container, e)).message(), e);
        } catch (RuntimeException | Error e) {
            record.phase(stepName, step, "failed: " + describe(e));
            // An Error (OutOfMemoryError while copying a large file, NoClassDefFoundError) fails this start like any other failure.
            throw new ServiceStartException(container.name(),
                    FailureReport.of(container, "could not be started: " + describe(e)).message(), e);
        }
    }

    private static final int PORT_ATTEMPTS = 3;

    /**
     * Fixed host ports, and the ones a restarted container keeps, must be free: checked here
     * because Docker 20.10 has been seen to start a container while another process holds its port.
     */
    private static void checkHostPortsFree(ServiceContainer container, boolean running) {
        if (running || !container.docker().isLocal()) {
            return;
        }
        ServiceSpec spec = container.spec();
        FixedPort taken = HostPorts.firstTaken(spec, container.bindAddress());
        if (taken != null) {
            throw new ServiceStartException(container.name(), FailureReport.of(container, HostPorts.inUseMessage(spec,
                    "host port " + taken.hostPort() + " on " + container.bindAddress() + " is already in use")).message(), null);
        }
        var kept = container.created() ? HostPorts.firstTaken(container.chosenPorts(), container.bindAddress()) : null;
        if (kept != null) {
            throw new ServiceStartException(container.name(), FailureReport.of(container, "could not be started again: host port "
                    + kept.getValue() + " on " + container.bindAddress() + ", which port " + kept.getKey()
                    + " keeps across restarts, has been taken by another process meanwhile. Fix: stop what took it.").message(), null);
        }
    }

    private static boolean portInUse(DockerException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("port is already allocated") || message.contains("address already in use");
    }

    private static String describe(Throwable failure) {
        return failure instanceof Error ? failure.toString() : String.valueOf(failure.getMessage());
    }

    /** Turns the engine's words into what the user should do. */
    private static String explain(ServiceContainer container, DockerException e) {
        String message = String.valueOf(e.getMessage());
        if (portInUse(e)) {
            return HostPorts.inUseMessage(container.spec(), "a host port on " + container.bindAddress() + " is already in use")
                    + " Docker said: " + message.strip();
        }
        return "could not be started: Docker said: " + message.strip();
    }

    /** A start called off because another service failed first, or the caller was interrupted; never reported on its own. */
    static final class Aborted extends RuntimeException {
        Aborted() {
            super("start called off", null, false, false);
        }
    }
}
