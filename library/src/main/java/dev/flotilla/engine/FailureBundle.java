package dev.flotilla.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.flotilla.FlotillaDiagnostics;
import dev.flotilla.RunningTopology;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure bundle of a topology instance: for each service its state, health-check history,
 * readiness steps with their outcomes, published ports and last log lines, and where its whole
 * log is. Made only for a failed test or a failed start; written to the instance's
 * {@code failures/} directory where reports are on.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FailureBundle {

    private static final Logger LOG = LoggerFactory.getLogger(FailureBundle.class);
    static final int LOG_LINES = 30;
    private static final int HEALTH_CHECKS = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private FailureBundle() {
    }

    /**
     * The bundle for {@code test}, which failed while {@code running} served it; empty for a
     * topology this engine did not start.
     */
    public static Optional<FlotillaDiagnostics> forTest(RunningTopology running, String test, Throwable failure) {
        if (!(running instanceof StartedTopology topology)) {
            return Optional.empty();
        }
        String headline = "Flotilla diagnostics for " + test + ", which failed with " + firstLine(failure);
        FlotillaDiagnostics bundle = write(topology, fileName(test), headline);
        topology.record().testUsed(new InstanceRecord.TestUse(test, true, bundle.file()));
        return Optional.of(bundle);
    }

    /** The bundle of a start that failed, before its containers are removed. */
    static Optional<FlotillaDiagnostics> forFailedStart(StartedTopology topology, Throwable failure) {
        try {
            return Optional.of(write(topology, "start", "Flotilla diagnostics for the failed start of topology \"" + topology.name()
                    + "\": " + firstLine(failure)));
        } catch (RuntimeException | Error e) {
            // The start's own failure matters more than its diagnostics.
            LOG.warn("Could not make the failure bundle of topology {}", topology.name(), e);
            return Optional.empty();
        }
    }

    private static FlotillaDiagnostics write(StartedTopology topology, String name, String headline) {
        InstanceRecord record = topology.record();
        Optional<Path> file = record.directory().map(d -> d.resolve("failures").resolve(name + ".txt"));
        String text = headline + file.map(f -> "\n(also in " + f + ")").orElse("") + "\n" + text(topology);
        file.ifPresent(f -> {
            try {
                Files.createDirectories(f.getParent());
                Files.writeString(f, text, StandardCharsets.UTF_8);
                record.bundleWritten(f);
            } catch (IOException e) {
                LOG.warn("Could not write the failure bundle {}", f, e);
            }
        });
        return new FlotillaDiagnostics(text, file.filter(Files::exists));
    }

    /** Every service of the instance, in start order. */
    static String text(StartedTopology topology) {
        StringBuilder text = new StringBuilder("topology \"").append(topology.name()).append("\", instance ")
                .append(topology.instanceId()).append(", network ").append(topology.networkName());
        for (var service : DependencyGraph.startOrder(topology.spec())) {
            for (ServiceContainer container : topology.containers(service.name())) {
                appendContainer(text, container);
            }
        }
        return SecretDelivery.mask(text.toString(), topology.spec().services().stream().flatMap(s -> s.secretValues().stream()).toList());
    }

    private static void appendContainer(StringBuilder text, ServiceContainer container) {
        text.append("\n\nservice \"").append(container.name()).append("\"")
                .append(container.replica() > 1 ? " replica " + container.replica() : "").append(" (image ").append(container.image())
                .append(", container ").append(container.containerName()).append(")");
        text.append("\n  state: ").append(container.state());
        text.append("\n  ports: ").append(ports(container));
        healthChecks(container).ifPresent(checks -> text.append("\n  health checks:").append(checks));
        text.append("\n  steps:");
        List<Phase> phases = container.record().phases();
        if (phases.isEmpty()) {
            text.append(" none yet");
        }
        phases.forEach(phase -> text.append("\n    ").append(TIME.format(phase.begin())).append(" ").append(phase.name())
                .append(" (").append(Durations.took(phase.duration())).append("): ").append(phase.outcome()));
        container.record().stdoutFile().filter(Files::exists).ifPresent(f -> text.append("\n  log: ").append(f));
        container.record().stderrFile().filter(Files::exists).ifPresent(f -> text.append("\n  stderr: ").append(f));
        List<String> tail = container.log().tail(LOG_LINES);
        text.append("\n  last ").append(tail.size()).append(" log lines:");
        tail.forEach(line -> text.append("\n    | ").append(line));
        container.log().captureProblem().ifPresent(problem -> text.append("\n  log capture: ").append(problem));
    }

    private static String ports(ServiceContainer container) {
        Map<Integer, Integer> mapped = new TreeMap<>(container.mappedPorts());
        if (container.spec().allContainerPorts().isEmpty()) {
            return "none declared";
        }
        StringBuilder ports = new StringBuilder();
        for (int port : container.spec().allContainerPorts()) {
            ports.append(ports.length() == 0 ? "" : ", ").append(port).append(" -> ")
                    .append(mapped.containsKey(port) ? container.host() + ":" + mapped.get(port) : "not published");
        }
        return ports.toString();
    }

    private static Optional<String> healthChecks(ServiceContainer container) {
        if (!container.created()) {
            return Optional.empty();
        }
        HealthState health;
        try {
            health = container.inspect().getState().getHealth();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (health == null || health.getLog() == null || health.getLog().isEmpty()) {
            return Optional.empty();
        }
        List<HealthStateLog> log = health.getLog();
        StringBuilder checks = new StringBuilder();
        for (HealthStateLog check : log.subList(Math.max(0, log.size() - HEALTH_CHECKS), log.size())) {
            checks.append("\n    ").append(check.getStart()).append(" exit ").append(check.getExitCodeLong())
                    .append(": ").append(String.valueOf(check.getOutput()).strip().replace('\n', ' '));
        }
        return Optional.of(checks.toString());
    }

    private static String firstLine(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
    }

    /** A file name from a test's name: letters, digits, '.', '_' and '-', at most 100 characters. */
    private static String fileName(String test) {
        String name = test.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
        return (name.length() > 100 ? name.substring(0, 100) : name) + "-" + Instant.now().toEpochMilli() % 100_000;
    }
}
