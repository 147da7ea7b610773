package dev.flotilla.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flotilla.model.ReplicaNames;
import dev.flotilla.model.ServiceSpec;
import dev.flotilla.model.TopologySpec;
import org.apiguardian.api.API;

/**
 * What happened to one topology instance in this run, for the run report: its services'
 * records, when it was started, ready and removed, the tests that used it, and the failure
 * bundles written for it. Its files go to a directory of its own in the run's.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class InstanceRecord {

    /** A test that used the instance, and how it ended. */
    public record TestUse(String test, boolean failed, Optional<Path> bundle) {
    }

    private final TopologySpec spec;
    private final String instanceId;
    private final Optional<Path> directory;
    private final Map<String, ServiceRecord> services = new LinkedHashMap<>();
    /** Replicas above the first, by replica name; made as they are first started. */
    private final Map<String, ServiceRecord> moreReplicas = new LinkedHashMap<>();
    private final List<TestUse> tests = new ArrayList<>();
    private final List<Path> bundles = new ArrayList<>();
    private final Instant created = Instant.now();
    private volatile Instant ready;
    private volatile Instant removed;
    private volatile String failure;

    InstanceRecord(TopologySpec spec, String instanceId, Optional<Path> directory) {
        this.spec = spec;
        this.instanceId = instanceId;
        this.directory = directory;
        for (ServiceSpec service : spec.services()) {
            services.put(service.name(), new ServiceRecord(service, 1, directory));
        }
    }

    /** The topology as declared. */
    public TopologySpec spec() {
        return spec;
    }

    /** The instance's id, the value of its {@code dev.flotilla.topology} label. */
    public String instanceId() {
        return instanceId;
    }

    /** Where its log files and failure bundles are, where reports are on. */
    public Optional<Path> directory() {
        return directory;
    }

    /** The record of one service. */
    public ServiceRecord service(String name) {
        return services.get(name);
    }

    /** Every service's record, in declaration order. */
    public List<ServiceRecord> services() {
        return List.copyOf(services.values());
    }

    /**
     * The record of one replica of a service: the service's own for replica 1, one of its own for
     * each other, kept after a scale-down so that a replica started again writes on where it left.
     */
    ServiceRecord replica(String service, int index) {
        if (index == 1) {
            return service(service);
        }
        synchronized (moreReplicas) {
            return moreReplicas.computeIfAbsent(ReplicaNames.of(service, index),
                    name -> new ServiceRecord(services.get(service).spec(), index, directory));
        }
    }

    /** The records of every replica above the first, in the order they first started. */
    public List<ServiceRecord> moreReplicas() {
        synchronized (moreReplicas) {
            return List.copyOf(moreReplicas.values());
        }
    }

    /** When the record, so the start, began. */
    public Instant created() {
        return created;
    }

    /** When every service was ready; empty if it never was. */
    public Optional<Instant> ready() {
        return Optional.ofNullable(ready);
    }

    /** When it was removed; empty while it lives (or was kept for reuse). */
    public Optional<Instant> removed() {
        return Optional.ofNullable(removed);
    }

    /** Why its start failed; empty if it did not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    void markReady() {
        ready = Instant.now();
    }

    void markRemoved() {
        removed = Instant.now();
    }

    void markFailed(String reason) {
        failure = reason;
    }

    /** Records a test that used the instance. */
    void testUsed(TestUse use) {
        synchronized (tests) {
            tests.add(use);
        }
    }

    /** The tests that used it, in the order they ended. */
    public List<TestUse> tests() {
        synchronized (tests) {
            return List.copyOf(tests);
        }
    }

    void bundleWritten(Path bundle) {
        synchronized (bundles) {
            bundles.add(bundle);
        }
    }

    /** The failure bundles written for it. */
    public List<Path> bundles() {
        synchronized (bundles) {
            return List.copyOf(bundles);
        }
    }
}
