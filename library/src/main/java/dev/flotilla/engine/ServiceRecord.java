package dev.flotilla.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.model.ReplicaNames;
import dev.flotilla.model.ServiceSpec;
import org.apiguardian.api.API;

/**
 * What happened to one service of a topology instance (to one replica of it, where it has
 * several): its timed steps, and where its output is kept (one file per stream, written line by
 * line as it comes).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ServiceRecord {

    private final ServiceSpec spec;
    private final String name;
    private final Optional<Path> stdout;
    private final Optional<Path> stderr;
    private final List<Phase> phases = new ArrayList<>();
    private volatile String image;
    private volatile Map<Integer, Integer> publishedPorts = Map.of();

    ServiceRecord(ServiceSpec spec, int replica, Optional<Path> directory) {
        this.spec = spec;
        this.name = ReplicaNames.of(spec.name(), replica);
        this.image = spec.image();
        this.stdout = directory.map(d -> d.resolve(LogFiles.stdoutName(name)));
        this.stderr = directory.map(d -> d.resolve(LogFiles.stderrName(name)));
    }

    /** The replica's name: the service's own for its first (or only) replica; see {@link ReplicaNames}. */
    public String name() {
        return name;
    }

    /** The service as declared. */
    public ServiceSpec spec() {
        return spec;
    }

    /** The image it runs: the declared one, or the one built for its Java application. */
    public String image() {
        return image;
    }

    void image(String actual) {
        this.image = actual;
    }

    /** The host port each container port was published on when the container last started; empty before. */
    public Map<Integer, Integer> publishedPorts() {
        return publishedPorts;
    }

    void published(Map<Integer, Integer> ports) {
        if (!ports.isEmpty()) {
            publishedPorts = Map.copyOf(ports);
        }
    }

    /** The file its standard output goes to, where reports are on. */
    public Optional<Path> stdoutFile() {
        return stdout;
    }

    /** The file its standard error goes to, where reports are on. */
    public Optional<Path> stderrFile() {
        return stderr;
    }

    /** Records a step that ends now. */
    void phase(String name, Instant begin, String outcome) {
        phase(name, begin, Instant.now(), outcome);
    }

    /** Records a step. */
    void phase(String name, Instant begin, Instant end, String outcome) {
        add(new Phase(name, begin, end, outcome));
    }

    /** Records a step made elsewhere. */
    void add(Phase phase) {
        synchronized (phases) {
            phases.add(phase);
        }
    }

    /** The steps so far, in the order they ended. */
    public List<Phase> phases() {
        synchronized (phases) {
            return List.copyOf(phases);
        }
    }
}
